package org.alize.reporting.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.alize.kernel.problem.NotFound;
import org.alize.reporting.rebuild.Rebuild;
import org.alize.reporting.rebuild.Rebuilder;
import org.alize.tenancy.NetworkRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresNetworkRole;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reconstruction", description = "Rejouer les topics dans de nouveaux modèles de lecture, les comparer aux "
        + "modèles en service, puis basculer les vues dessus")
class RebuildController {

    private final Rebuilder rebuilder;

    RebuildController(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/api/network/indicators/rebuilds")
    @Operation(summary = "Lancer une reconstruction (tête de réseau) ; 409 si une autre est en cours")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    ResponseEntity<Rebuild> start() {
        Rebuild rebuild = rebuilder.start(CurrentGrants.subject());
        return ResponseEntity.accepted().location(URI.create("/api/network/indicators/rebuilds/" + rebuild.id())).body(rebuild);
    }

    @GetMapping("/api/network/indicators/rebuilds")
    @Operation(summary = "Les reconstructions, la plus récente d'abord, par page (au plus 200)")
    Paged<Rebuild> all(@RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return rebuilder.all(page, size);
    }

    @GetMapping("/api/network/indicators/rebuilds/{rebuildId}")
    @Operation(summary = "Où en est une reconstruction : enregistrements lus, comparaison, bascule")
    Rebuild one(@PathVariable String rebuildId) {
        return rebuilder.find(rebuildId).orElseThrow(() -> new NotFound("rebuild.not-found",
                "Aucune reconstruction « " + rebuildId + " »."));
    }
}
