package org.alize.basin.registry;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.alize.kernel.problem.Unprocessable;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.NetworkRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.RequiresNetworkRole;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/network/basins")
@Tag(name = "Registre des bassins", description = "Réservé à la tête de réseau (ASTREES) et au comité national de pilotage")
class RegistryController {

    private final RegistryService registry;
    private final ActivationCheck activation;

    RegistryController(RegistryService registry, ActivationCheck activation) {
        this.registry = registry;
        this.activation = activation;
    }

    @PostMapping
    @Operation(summary = "Inscrire un bassin au réseau (R-01, R-02)", description = "Le bassin est créé à l'état PROPOSED, "
            + "en attente de validation par le comité national de pilotage. Réservé à NETWORK_ADMIN.")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    ResponseEntity<BasinView> register(@Valid @RequestBody RegisterBasin request) {
        if (BasinId.isReservedForPlatform(request.basinId())) {
            throw new Unprocessable("basin.id-reserved", "basinId",
                    "« " + request.basinId() + " » est réservé par la plateforme, choisissez un autre identifiant");
        }
        Basin basin = registry.register(BasinId.of(request.basinId()), request.details(), CurrentGrants.subject());
        return ResponseEntity.created(URI.create("/api/network/basins/" + basin.id())).body(BasinView.of(basin));
    }

    @GetMapping
    @Operation(summary = "Lister et filtrer les bassins du réseau", description = "Triés par nom, par pages de 20 (100 au plus).")
    PageView list(@RequestParam(required = false) Set<BasinStatus> status, @RequestParam(required = false) String region,
            @RequestParam(required = false) PriorityCriterion criterion, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        RegistryService.Listing listing = registry.list(status, region, criterion, q, page, size);
        return new PageView(listing.items().stream().map(BasinView::of).toList(), listing.page(), listing.size(),
                listing.total(), (listing.total() + size - 1) / size);
    }

    @GetMapping("/{basinId}")
    @Operation(summary = "Lire la fiche d'un bassin")
    BasinView get(@PathVariable String basinId) {
        return BasinView.of(registry.get(basinId));
    }

    @PutMapping("/{basinId}")
    @Operation(summary = "Corriger la fiche d'un bassin (nom, région, communes, critères, description)")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    BasinView changeDetails(@PathVariable String basinId, @Valid @RequestBody BasinDetails request) {
        return BasinView.of(registry.changeDetails(basinId, request.details(), CurrentGrants.subject()));
    }

    @PostMapping("/{basinId}/validate")
    @Operation(summary = "Enregistrer la validation du comité national de pilotage (R-01)",
            description = "PROPOSED → VALIDATED. Réservé à NETWORK_ADMIN et NATIONAL_COMMITTEE.")
    @RequiresNetworkRole({NetworkRole.NETWORK_ADMIN, NetworkRole.NATIONAL_COMMITTEE})
    BasinView validate(@PathVariable String basinId, @Valid @RequestBody Validation request) {
        return BasinView.of(registry.validate(basinId, request.decidedOn(), request.decisionReference(), request.reason(),
                CurrentGrants.subject()));
    }

    @PostMapping("/{basinId}/activate")
    @Operation(summary = "Activer un bassin validé (ou réactiver un bassin suspendu)",
            description = "Refusé tant qu'aucun opérateur local n'est désigné (R-03) ou qu'aucune convention de partenariat "
                    + "n'est en vigueur.")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    BasinView activate(@PathVariable String basinId, @Valid @RequestBody(required = false) OptionalReason request) {
        Basin basin = registry.get(basinId);
        return BasinView.of(registry.activate(basin.id(), activation.missing(BasinId.of(basin.id())),
                request == null ? null : request.reason(), CurrentGrants.subject()));
    }

    @PostMapping("/{basinId}/suspend")
    @Operation(summary = "Suspendre un bassin actif, motif obligatoire")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    BasinView suspend(@PathVariable String basinId, @Valid @RequestBody Reason request) {
        return BasinView.of(registry.suspend(basinId, request.reason(), CurrentGrants.subject()));
    }

    @PostMapping("/{basinId}/close")
    @Operation(summary = "Clore un bassin, motif obligatoire", description = "Définitif.")
    @RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
    BasinView close(@PathVariable String basinId, @Valid @RequestBody Reason request) {
        return BasinView.of(registry.close(basinId, request.reason(), CurrentGrants.subject()));
    }

    @GetMapping("/{basinId}/history")
    @Operation(summary = "Historique des décisions sur un bassin")
    List<Transition> history(@PathVariable String basinId) {
        return registry.get(basinId).history();
    }

    record CommuneInput(
            @Schema(example = "59606") @NotBlank @Pattern(regexp = "^(\\d{5}|2[AB]\\d{3})$", message = "code INSEE invalide") String inseeCode,
            @Schema(example = "Valenciennes") @NotBlank @Size(max = 100) String name) {
        Commune toCommune() {
            return new Commune(inseeCode, name);
        }
    }

    record RegisterBasin(
            @Schema(example = "valenciennois", description = "identifiant définitif : minuscules, chiffres, tirets")
            @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{2,39}$", message = "3 à 40 minuscules, chiffres ou tirets, en commençant par une lettre") String basinId,
            @Schema(example = "Bassin du Valenciennois") @NotBlank @Size(max = 120) String name,
            @Schema(example = "Hauts-de-France") @NotBlank @Size(max = 80) String region,
            @NotEmpty(message = "au moins une commune (R-02)") List<@Valid @NotNull CommuneInput> communes,
            @Schema(example = "[\"FORESEEABLE_INDUSTRIAL_CHANGE\"]") Set<PriorityCriterion> priorityCriteria,
            @Size(max = 2000) String description) {
        Basin.Details details() {
            return new Basin.Details(name, region, communes.stream().map(CommuneInput::toCommune).toList(),
                    priorityCriteria, description);
        }
    }

    record BasinDetails(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 80) String region,
            @NotEmpty(message = "au moins une commune (R-02)") List<@Valid @NotNull CommuneInput> communes,
            Set<PriorityCriterion> priorityCriteria, @Size(max = 2000) String description) {
        Basin.Details details() {
            return new Basin.Details(name, region, communes.stream().map(CommuneInput::toCommune).toList(),
                    priorityCriteria, description);
        }
    }

    record Validation(@Schema(example = "2024-11-20") @NotNull LocalDate decidedOn,
            @Schema(example = "CNP-2024-11-03") @NotBlank @Size(max = 80) String decisionReference,
            @Size(max = 1000) String reason) {
    }

    record OptionalReason(@Size(max = 1000) String reason) {
    }

    record Reason(@Schema(example = "Départ de l'opérateur local, reprise en cours") @NotBlank @Size(max = 1000) String reason) {
    }

    record BasinView(String basinId, String name, String region, List<Commune> communes,
            Set<PriorityCriterion> priorityCriteria, String description, BasinStatus status, String statusLabel,
            List<String> allowedActions, LocalDate validatedOn, String validationReference, Instant registeredAt,
            String registeredBy, Long version) {
        static BasinView of(Basin basin) {
            return new BasinView(basin.id(), basin.name(), basin.region(), basin.communes(), basin.priorityCriteria(),
                    basin.description(), basin.status(), basin.status().label(),
                    basin.status().allowedActions().stream().map(BasinAction::path).toList(), basin.validatedOn(),
                    basin.validationReference(), basin.registeredAt(), basin.registeredBy(), basin.version());
        }
    }

    record PageView(List<BasinView> items, int page, int size, long totalItems, long totalPages) {
    }
}
