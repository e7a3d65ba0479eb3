package org.alize.identity.account;

import java.time.Clock;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.alize.identity.account.AccountAdministration.NewAccount;
import org.alize.identity.account.AccountViews.BasinAccountView;
import org.alize.kernel.problem.InvalidInput;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A local operator's view of the accounts of its basin, and the roles it grants there. */
@RestController
@RequestMapping("/api/basins/{basinId}/users")
@RequiresBasinRole(BasinRole.OPERATOR)
class BasinAccountController {

    record NewBasinAccount(String login, String displayName, String email, Set<BasinRole> roles) {
    }

    record RolesRequest(Set<BasinRole> roles) {
    }

    private final AccountAdministration administration;
    private final Clock clock;

    BasinAccountController(AccountAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Les comptes qui ont un rôle dans le bassin, par page (au plus 200), par identifiant")
    Paged<BasinAccountView> list(@PathVariable String basinId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        BasinId basin = BasinContext.require();
        Page<Account> found = administration.inBasin(basin, page, size);
        return Paged.of(found.getContent(), page, size, found.getTotalElements(),
                account -> AccountViews.inBasin(account, basin, clock));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BasinAccountView create(@PathVariable String basinId, @RequestBody NewBasinAccount request) {
        BasinId basin = BasinContext.require();
        Set<BasinRole> roles = request.roles() == null ? Set.of() : request.roles();
        if (roles.isEmpty()) {
            throw InvalidInput.field("roles", "au moins un rôle dans le bassin");
        }
        AccountAdministration.Invited invited = administration.createInBasin(basin, new NewAccount(request.login(),
                request.displayName(), request.email(), Set.of(), java.util.Map.of(basin.value(), roles)),
                CurrentGrants.subject());
        return AccountViews.inBasin(invited.account(), basin, clock);
    }

    @PutMapping("/{login}/roles")
    BasinAccountView roles(@PathVariable String basinId, @PathVariable String login, @RequestBody RolesRequest request) {
        BasinId basin = BasinContext.require();
        if (request.roles() == null) {
            throw InvalidInput.field("roles", "la liste des rôles est requise (vide pour les retirer tous)");
        }
        return AccountViews.inBasin(administration.grantInBasin(basin, login, request.roles(), CurrentGrants.subject()),
                basin, clock);
    }

    @PostMapping("/{login}/invitation")
    BasinAccountView reinvite(@PathVariable String basinId, @PathVariable String login) {
        BasinId basin = BasinContext.require();
        return AccountViews.inBasin(administration.reinviteInBasin(basin, login, CurrentGrants.subject()), basin, clock);
    }
}
