package org.alize.basin.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alize.tenancy.BasinContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A basin's own registry entry, for the people of that basin. */
@RestController
@Tag(name = "Bassin", description = "La fiche du bassin, pour ses membres")
class BasinProfileController {

    private final RegistryService registry;

    BasinProfileController(RegistryService registry) {
        this.registry = registry;
    }

    @GetMapping("/api/basins/{basinId}/profile")
    @Operation(summary = "Lire la fiche de son bassin")
    Profile profile() {
        Basin basin = registry.get(BasinContext.require().value());
        return new Profile(basin.id(), basin.name(), basin.region(), basin.communes(), basin.priorityCriteria(),
                basin.description(), basin.status(), basin.status().label(), basin.validatedOn());
    }

    record Profile(String basinId, String name, String region, List<Commune> communes,
            Set<PriorityCriterion> priorityCriteria, String description, BasinStatus status, String statusLabel,
            LocalDate validatedOn) {
    }
}
