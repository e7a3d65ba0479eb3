package org.alize.basin.offboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.alize.basin.registry.Basin;
import org.alize.basin.registry.RegistryService;
import org.alize.kernel.problem.InvalidInput;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.NetworkRole;
import org.alize.tenancy.archive.TenantPurger;
import org.alize.tenancy.personal.PersonalKeys;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.RequiresNetworkRole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** See the package documentation. */
@RestController
@RequestMapping("/api/network/basins/{basinId}/offboarding")
@Tag(name = "Bassins")
class OffboardingController {

    private final RegistryService registry;
    private final TenantPurger purger;
    private final PersonalKeys keys;
    private final Duration retention;
    private final Clock clock;

    OffboardingController(RegistryService registry, TenantPurger purger, PersonalKeys keys,
            @Value("${alize.offboarding.retention:3653d}") Duration retention, Clock clock) {
        this.clock = clock;
        this.registry = registry;
        this.purger = purger;
        this.keys = keys;
        this.retention = retention;
    }

    /**
     * @param eligible whether the purge may run now: closed, retention over, not purged yet
     * @param holdings what basin-service keeps of the basin (collection → documents); the other services drop theirs
     */
    record Offboarding(String basinId, String status, Instant closedAt, Instant retainedUntil, boolean eligible,
            Instant purgedAt, Map<String, Long> holdings) {
    }

    record PurgeInput(@NotBlank String confirm) {
    }

    @GetMapping
    @Operation(summary = "Simuler la purge d'un bassin fermé : ce qui serait supprimé, et à partir de quand")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    Offboarding dryRun(@PathVariable String basinId) {
        Basin basin = registry.get(basinId);
        Instant until = basin.retainedUntil(retention);
        return new Offboarding(basin.id(), basin.status().name(), basin.closedAt(), until,
                until != null && basin.purgedAt() == null && !clock.instant().isBefore(until), basin.purgedAt(),
                holdings(BasinId.of(basin.id())));
    }

    @PostMapping
    @Operation(summary = "Purger les données d'un bassin fermé au terme de leur durée de conservation (irréversible)",
            description = "Le corps répète l'identifiant du bassin (« confirm »). Chaque service supprime ce qu'il garde du "
                    + "bassin en lisant BasinPurged ; le registre garde son identifiant, son nom et son historique. Une purge "
                    + "coupée se renvoie.")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    Offboarding purge(@PathVariable String basinId, @Valid @RequestBody PurgeInput input) {
        if (!basinId.equals(input.confirm())) {
            throw InvalidInput.field("confirm", "répétez l'identifiant du bassin à purger : " + basinId);
        }
        Basin basin = registry.get(basinId);
        if (basin.purgedAt() == null) {
            basin = registry.purge(basinId, retention, CurrentGrants.subject());
        }
        BasinId id = BasinId.of(basin.id());
        // every step again on a purge sent again after a crash: each one is idempotent
        Map<String, Long> dropped = holdings(id);
        purger.purge(id, CurrentGrants.subject());
        keys.purge(id);
        return new Offboarding(basin.id(), basin.status().name(), basin.closedAt(), basin.retainedUntil(retention), false,
                basin.purgedAt(), dropped);
    }

    private Map<String, Long> holdings(BasinId basin) {
        Map<String, Long> held = new TreeMap<>(purger.holdings(basin));
        long keyCount = keys.count(basin);
        if (keyCount > 0) {
            held.put("vault.person_keys", keyCount);
        }
        return held;
    }
}
