package org.alize.basin.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.alize.basin.organisation.OrganisationService;
import org.alize.basin.registry.RegistryService;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.NetworkRole;
import org.alize.tenancy.personal.ErasureRequest;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.RequiresNetworkRole;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** ASTREES erases a person of a basin at their request (RGPD art. 17): see {@link OrganisationService#erasePerson}; its own feature, since it needs the registry and the people. */
@RestController
@Tag(name = "Données personnelles")
class PersonErasureController {

    private final OrganisationService service;
    private final RegistryService registry;

    PersonErasureController(OrganisationService service, RegistryService registry) {
        this.service = service;
        this.registry = registry;
    }

    @PostMapping("/api/network/basins/{basinId}/people/{personId}/erasure")
    @Operation(summary = "Effacer une personne d'un bassin à sa demande (RGPD, art. 17), sur la référence de la demande",
            description = "Détruit la clé qui scelle ses données dans les événements, retire ses nom, adresse et téléphone "
                    + "de toutes les données du bassin, anonymise sa fiche, puis publie PersonErased : les autres services "
                    + "l'effacent à leur tour, et identity-service son compte. Irréversible. Une demande coupée se renvoie.")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    OrganisationService.Erasure erase(@PathVariable String basinId, @PathVariable String personId,
            @Valid @RequestBody ErasureRequest input) {
        BasinId basin = BasinId.of(registry.get(basinId).id());
        return BasinContext.callIn(basin, () -> service.erasePerson(personId, input.request(), CurrentGrants.subject()));
    }
}
