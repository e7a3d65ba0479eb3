package org.alize.basin.scheme;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.Ids;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basins/{basinId}/support-schemes")
@Tag(name = "Dispositifs locaux", description = "Registre des autres dispositifs d'appui du bassin (R-08)")
class SupportSchemeController {

    private final SupportSchemeRepository schemes;
    private final Clock clock;

    SupportSchemeController(SupportSchemeRepository schemes, Clock clock) {
        this.schemes = schemes;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Inscrire un dispositif au registre")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ResponseEntity<SchemeView> register(@Valid @RequestBody SchemeInput input) {
        SupportScheme scheme = schemes.save(SupportScheme.register(BasinContext.require(), Ids.next("sch"), input.details(),
                clock.instant(), CurrentGrants.subject()));
        return ResponseEntity.created(URI.create("/api/basins/" + BasinContext.require() + "/support-schemes/" + scheme.id()))
                .body(SchemeView.of(scheme));
    }

    @GetMapping
    @Operation(summary = "Le registre, par nom ; les dispositifs retirés seulement sur demande")
    List<SchemeView> register(@RequestParam(defaultValue = "false") boolean includeRetired) {
        return schemes.findAllByOrderByDetailsNameAsc().stream().filter(s -> includeRetired || s.active())
                .map(SchemeView::of).toList();
    }

    @GetMapping("/{schemeId}")
    SchemeView scheme(@PathVariable String schemeId) {
        return SchemeView.of(find(schemeId));
    }

    @PutMapping("/{schemeId}")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SchemeView update(@PathVariable String schemeId, @Valid @RequestBody SchemeInput input) {
        SupportScheme scheme = find(schemeId);
        scheme.update(input.details(), clock.instant(), CurrentGrants.subject());
        return SchemeView.of(schemes.save(scheme));
    }

    @PostMapping("/{schemeId}/retire")
    @Operation(summary = "Retirer un dispositif qui n'opère plus dans le bassin")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SchemeView retire(@PathVariable String schemeId, @Valid @RequestBody RetireInput input) {
        SupportScheme scheme = find(schemeId);
        scheme.retire(input.reason(), clock.instant(), CurrentGrants.subject());
        return SchemeView.of(schemes.save(scheme));
    }

    @GetMapping("/{schemeId}/history")
    List<HistoryEntry> history(@PathVariable String schemeId) {
        return find(schemeId).history();
    }

    private SupportScheme find(String id) {
        return schemes.findById(id).orElseThrow(() ->
                new NotFound("scheme.not-found", "Aucun dispositif « " + id + " » au registre de ce bassin."));
    }

    record SchemeInput(@Schema(example = "Initiative Valenciennes") @NotBlank @Size(max = 160) String name,
            @Schema(example = "PFIL") @NotNull SupportScheme.Kind kind, @Size(max = 2000) String description,
            @Size(max = 120) String contactName, @Email String contactEmail, @Size(max = 30) String contactPhone,
            @Size(max = 300) String website) {
        SupportScheme.Details details() {
            return new SupportScheme.Details(name, kind, description, contactName, contactEmail, contactPhone, website);
        }
    }

    record RetireInput(@NotBlank @Size(max = 500) String reason) {
    }

    record SchemeView(String schemeId, String name, SupportScheme.Kind kind, String description, String contactName,
            String contactEmail, String contactPhone, String website, boolean active, Long version) {
        static SchemeView of(SupportScheme s) {
            SupportScheme.Details d = s.details();
            return new SchemeView(s.id(), d.name(), d.kind(), d.description(), d.contactName(), d.contactEmail(),
                    d.contactPhone(), d.website(), s.active(), s.version());
        }
    }
}
