package org.alize.basin.convention;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alize.kernel.HistoryEntry;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basins/{basinId}/conventions")
@Tag(name = "Conventions de partenariat", description = "Négociation, signature, profil de ressources et renouvellement (R-05, R-10 à R-14)")
class ConventionController {

    private final ConventionService service;

    ConventionController(ConventionService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Ouvrir la négociation d'une convention de partenariat de trois ans",
            description = "Objectifs quantitatifs par défaut : l'activité de référence (R-41).")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ResponseEntity<ConventionView> draft(@Valid @RequestBody DraftInput input) {
        PartnershipConvention convention = service.draft(input.startsOn(), input.pledgeInputs(), input.terms(),
                CurrentGrants.subject());
        return ResponseEntity.created(URI.create("/api/basins/" + BasinContext.require() + "/conventions/" + convention.id()))
                .body(ConventionView.of(convention));
    }

    @GetMapping
    @Operation(summary = "Les conventions du bassin, de la plus récente à la plus ancienne")
    List<ConventionView> conventions() {
        return service.all().stream().map(ConventionView::of).toList();
    }

    @GetMapping("/in-force")
    @Operation(summary = "La convention en vigueur aujourd'hui")
    ConventionView inForce() {
        return service.inForce().map(ConventionView::of).orElseThrow(() -> new org.alize.kernel.problem.NotFound(
                "convention.none-in-force", "Aucune convention de partenariat n'est en vigueur dans ce bassin."));
    }

    @GetMapping("/{conventionId}")
    ConventionView convention(@PathVariable String conventionId) {
        return ConventionView.of(service.get(conventionId));
    }

    @PutMapping("/{conventionId}")
    @Operation(summary = "Modifier une convention en négociation (engagements, objectifs, annexe budgétaire)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ConventionView revise(@PathVariable String conventionId, @Valid @RequestBody TermsInput input) {
        return ConventionView.of(service.revise(conventionId, input.pledgeInputs(), input.terms(), CurrentGrants.subject()));
    }

    @PostMapping("/{conventionId}/sign")
    @Operation(summary = "Enregistrer la signature de tous les partenaires et de la convention d'opérateur",
            description = "Refusée sans la signature de chaque partenaire engagé (R-10), d'au moins quatre entreprises "
                    + "partenaires (R-05) et de la convention d'opérateur (R-11).")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ConventionView sign(@PathVariable String conventionId, @Valid @RequestBody SignInput input) {
        List<ConventionService.SignatureInput> signatures = input.signatures().stream()
                .map(s -> new ConventionService.SignatureInput(s.organisationId(), s.signatory(), s.signedOn())).toList();
        return ConventionView.of(service.sign(conventionId, signatures, input.operatorConvention().operatorOrganisationIds(),
                input.operatorConvention().astreesSignatory(), input.operatorConvention().operatorSignatory(),
                input.operatorConvention().signedOn(), CurrentGrants.subject()));
    }

    @PostMapping("/{conventionId}/renew")
    @Operation(summary = "Renouveler : ouvre la convention suivante, liée à celle-ci (R-12)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ResponseEntity<ConventionView> renew(@PathVariable String conventionId) {
        PartnershipConvention next = service.renew(conventionId, CurrentGrants.subject());
        return ResponseEntity.created(URI.create("/api/basins/" + BasinContext.require() + "/conventions/" + next.id()))
                .body(ConventionView.of(next));
    }

    @GetMapping("/{conventionId}/resource-profile")
    @Operation(summary = "Profil de ressources face à la référence 40/20/25/15 et 900 k€ (R-13) : écarts signalés, non refusés")
    ResourceProfile resourceProfile(@PathVariable String conventionId) {
        return service.get(conventionId).resourceProfile();
    }

    @GetMapping("/{conventionId}/spending-plan")
    @Operation(summary = "Dépenses prévues par an face aux références de R-14")
    SpendingPlan spendingPlan(@PathVariable String conventionId) {
        return service.get(conventionId).spendingPlan();
    }

    @GetMapping("/{conventionId}/history")
    List<HistoryEntry> history(@PathVariable String conventionId) {
        return service.get(conventionId).history();
    }

    record PledgeBody(@NotBlank String organisationId, @Schema(example = "60000.00") BigDecimal cash,
            @Schema(example = "30", description = "au plus 10 000 jours sur les trois ans") @Min(0) @Max(10_000) Integer skillsDays, @Schema(example = "800.00") BigDecimal skillsDailyValue,
            @Schema(example = "5000.00") BigDecimal inKind, @Size(max = 500) String note) {
    }

    record BudgetBody(@Schema(description = "année de la convention, de 1 à 3 (R-10)") @NotNull @Min(1) @Max(3) Integer year, @NotNull BudgetLine.Kind kind, @NotNull BudgetLine.Category category,
            @Size(max = 200) String label, @NotNull BigDecimal amount) {
    }

    record DraftInput(@Schema(example = "2025-01-01") @NotNull LocalDate startsOn, List<@Valid @NotNull PledgeBody> pledges,
            Objectives objectives, List<@Size(max = 500) String> specificObjectives,
            @Size(max = 4000) String labourMarketArticulation, List<@Valid @NotNull BudgetBody> budget,
            Boolean operatorReimbursementAgreedByAllPartners) {
        List<ConventionService.PledgeInput> pledgeInputs() {
            return TermsInput.pledges(pledges);
        }

        PartnershipConvention.Terms terms() {
            return TermsInput.terms(objectives, specificObjectives, labourMarketArticulation, budget,
                    operatorReimbursementAgreedByAllPartners);
        }
    }

    record TermsInput(List<@Valid @NotNull PledgeBody> pledges, Objectives objectives,
            List<@Size(max = 500) String> specificObjectives, @Size(max = 4000) String labourMarketArticulation,
            List<@Valid @NotNull BudgetBody> budget, Boolean operatorReimbursementAgreedByAllPartners) {
        List<ConventionService.PledgeInput> pledgeInputs() {
            return pledges(pledges);
        }

        PartnershipConvention.Terms terms() {
            return terms(objectives, specificObjectives, labourMarketArticulation, budget, operatorReimbursementAgreedByAllPartners);
        }

        static List<ConventionService.PledgeInput> pledges(List<PledgeBody> pledges) {
            return pledges == null ? List.of() : pledges.stream().map(p -> new ConventionService.PledgeInput(p.organisationId(),
                    p.cash(), p.skillsDays() == null ? 0 : p.skillsDays(), p.skillsDailyValue(), p.inKind(), p.note())).toList();
        }

        static PartnershipConvention.Terms terms(Objectives objectives, List<String> specific, String articulation,
                List<BudgetBody> budget, Boolean agreed) {
            return new PartnershipConvention.Terms(List.of(), objectives, specific, articulation, budget == null ? List.of()
                    : budget.stream().map(b -> new BudgetLine(b.year(), b.kind(), b.category(), b.label(), b.amount())).toList(),
                    Boolean.TRUE.equals(agreed));
        }
    }

    record OperatorConventionBody(@NotEmpty List<@NotBlank String> operatorOrganisationIds,
            @Schema(example = "Claire Martin") @NotBlank String astreesSignatory,
            @Schema(example = "Karim Benali") @NotBlank String operatorSignatory, @NotNull LocalDate signedOn) {
    }

    record SignatureBody(@NotBlank String organisationId, @Schema(example = "Isabelle Roche") @NotBlank String signatory,
            @NotNull LocalDate signedOn) {
    }

    record SignInput(@NotEmpty List<@Valid @NotNull SignatureBody> signatures,
            @NotNull(message = "la convention d'opérateur se signe avec la convention de partenariat (R-11)")
            @Valid OperatorConventionBody operatorConvention) {
    }

    record ConventionView(String conventionId, int number, String previousConventionId, String renewedById,
            LocalDate startsOn, LocalDate endsOn, ConventionStatus status, List<Pledge> pledges, Objectives objectives,
            List<String> specificObjectives, String labourMarketArticulation, List<BudgetLine> budget,
            boolean operatorReimbursementAgreedByAllPartners, List<Signature> signatures, LocalDate signedOn,
            OperatorConvention operatorConvention, ResourceProfile resourceProfile, Long version) {
        static ConventionView of(PartnershipConvention c) {
            PartnershipConvention.Terms t = c.terms();
            return new ConventionView(c.id(), c.number(), c.previousConventionId(), c.renewedById(), c.startsOn(), c.endsOn(),
                    c.status(), t.pledges(), t.objectives(), t.specificObjectives(), t.labourMarketArticulation(), t.budget(),
                    t.operatorReimbursementAgreedByAllPartners(), c.signatures(), c.signedOn(), c.operatorConvention(),
                    c.resourceProfile(), c.version());
        }
    }
}
