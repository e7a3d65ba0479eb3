package org.alize.messaging.outbox;

import java.util.List;

import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.NetworkRole;
import org.alize.tenancy.input.InputBounds;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresNetworkRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The parked events of this service, for ASTREES' administrators ({@code NETWORK_ADMIN}); the path names
 * the service, so that the gateway sends each service's own.
 */
@RestController
@RequestMapping("/api/network/outbox/${spring.application.name}/parked")
class OutboxAdminController {

    static final int MAX_PAGE_SIZE = 100;

    private final OutboxAdministration administration;

    OutboxAdminController(OutboxAdministration administration) {
        this.administration = administration;
    }

    record DiscardInput(String reason) {
    }

    @GetMapping
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    Paged<ParkedEvent> list(@RequestParam(required = false) ParkedEvent.Status status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw InvalidInput.field("page", "entre 0 et 10 000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidInput.field("size", "entre 1 et " + MAX_PAGE_SIZE);
        }
        List<ParkedEvent> items = administration.list(status, page, size);
        return Paged.of(items, page, size, administration.count(status), event -> event);
    }

    @GetMapping("/{eventId}")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    ParkedEvent get(@PathVariable String eventId) {
        return find(eventId);
    }

    @PostMapping("/{eventId}/retry")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    ParkedEvent retry(@PathVariable String eventId) {
        return administration.retry(parked(eventId), CurrentGrants.subject());
    }

    @PostMapping("/{eventId}/discard")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    ParkedEvent discard(@PathVariable String eventId, @RequestBody DiscardInput input) {
        String reason = input == null || input.reason() == null ? "" : input.reason().strip();
        if (reason.isEmpty() || reason.length() > 1_000) {
            throw InvalidInput.field("reason", "la raison est obligatoire (au plus 1 000 caractères)");
        }
        InputBounds.textProblem(reason, 1_000).ifPresent(problem -> {
            throw InvalidInput.field("reason", problem);
        });
        return administration.discard(parked(eventId), reason, CurrentGrants.subject());
    }

    private ParkedEvent parked(String eventId) {
        ParkedEvent parked = find(eventId);
        if (parked.status() != ParkedEvent.Status.PARKED) {
            throw new Conflict("outbox.not-parked", "Cet événement n'est plus en attente (" + parked.status() + ").", List.of("get"));
        }
        return parked;
    }

    private ParkedEvent find(String eventId) {
        return administration.get(eventId)
                .orElseThrow(() -> new NotFound("outbox.unknown", "Aucun événement en attente ne porte l'identifiant « " + eventId + " »."));
    }
}
