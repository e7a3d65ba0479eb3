package org.alize.finance.advance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.Money;
import org.alize.kernel.ProgrammeReferences;
import org.alize.project.events.CooperationConventionSigned.AdvanceAnnex;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basins/{basinId}")
@Tag(name = "Avances remboursables", description = "Versements, remboursements, impayés, rééchelonnements, pertes "
        + "(R-30, R-32). Les commandes acceptent l'en-tête Idempotency-Key.")
class AdvanceController {

    private final AdvanceService advances;

    AdvanceController(AdvanceService advances) {
        this.advances = advances;
    }

    @GetMapping("/advances")
    @Operation(summary = "Les avances du bassin, par page (au plus 200), dans l'ordre des références de projet, "
            + "avec leur position à une date")
    Paged<AdvanceView> advances(@RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Parameter(description = "la date de la position (fin de journée) ; aujourd'hui par défaut", example = "2025-12-31") LocalDate asOf) {
        LocalDate date = advances.asOf(asOf);
        return advances.page(page, size, a -> AdvanceView.of(a, date));
    }

    @GetMapping("/advances/{advanceId}")
    @Operation(summary = "Une avance, son échéancier et ses mouvements, avec sa position à une date")
    AdvanceView advance(@PathVariable String advanceId, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Parameter(description = "la date de la position (fin de journée) ; aujourd'hui par défaut", example = "2025-12-31") LocalDate asOf) {
        return AdvanceView.of(advances.get(advanceId), advances.asOf(asOf));
    }

    @PostMapping("/advances/{advanceId}/disbursements")
    @Operation(summary = "Verser une tranche : après la signature de la convention, jamais au-delà du montant accordé (R-32)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    AdvanceView disburse(@PathVariable String advanceId, @Valid @RequestBody MoneyInput input) {
        return view(advances.disburse(advanceId, input.on(), input.amount(), CurrentGrants.subject()));
    }

    @PostMapping("/advances/{advanceId}/repayments")
    @Operation(summary = "Enregistrer un remboursement, affecté aux échéances les plus anciennes")
    @RequiresBasinRole(BasinRole.OPERATOR)
    AdvanceView repay(@PathVariable String advanceId, @Valid @RequestBody MoneyInput input) {
        return view(advances.repay(advanceId, input.on(), input.amount(), CurrentGrants.subject()));
    }

    @PostMapping("/advances/{advanceId}/repayments/{repaymentId}/reverse")
    @Operation(summary = "Contre-passer un remboursement enregistré par erreur : une écriture inverse, rien n'est effacé (R-31)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    AdvanceView reverse(@PathVariable String advanceId, @PathVariable String repaymentId, @Valid @RequestBody ReverseInput input) {
        return view(advances.reverseRepayment(advanceId, repaymentId, input.on(), input.reason(), CurrentGrants.subject()));
    }

    @PostMapping("/advances/{advanceId}/reschedule")
    @Operation(summary = "Rééchelonner le restant dû sur décision approuvée ; l'ancien échéancier est conservé")
    @RequiresBasinRole(BasinRole.OPERATOR)
    AdvanceView reschedule(@PathVariable String advanceId, @Valid @RequestBody RescheduleInput input) {
        return view(advances.reschedule(advanceId, input.approvalReference(), input.effectiveOn(), input.durationMonths(),
                input.graceMonths() == null ? 0 : input.graceMonths(), input.frequency(), CurrentGrants.subject()));
    }

    @PostMapping("/advances/{advanceId}/write-offs")
    @Operation(summary = "Passer en perte tout ou partie du restant dû, sur décision du comité (R-30)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    AdvanceView writeOff(@PathVariable String advanceId, @Valid @RequestBody WriteOffInput input) {
        return view(advances.writeOff(advanceId, input.on(), input.amount(), input.reason(), input.committeeReference(),
                CurrentGrants.subject()));
    }

    @PostMapping("/advances/{advanceId}/recoveries")
    @Operation(summary = "Enregistrer une récupération après passage en perte (R-30)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    AdvanceView recover(@PathVariable String advanceId, @Valid @RequestBody MoneyInput input) {
        return view(advances.recover(advanceId, input.on(), input.amount(), CurrentGrants.subject()));
    }

    @GetMapping("/advances/{advanceId}/history")
    List<HistoryEntry> history(@PathVariable String advanceId) {
        return advances.get(advanceId).history();
    }

    @PostMapping("/advances/simulation")
    @Operation(summary = "Simuler l'échéancier de conditions envisagées, avant la signature")
    List<Instalment> simulate(@Valid @RequestBody SimulationInput input) {
        return advances.simulate(input.amount(), input.durationMonths(), input.graceMonths() == null ? 0 : input.graceMonths(),
                input.frequency() == null ? Frequency.MONTHLY : input.frequency(), input.startOn());
    }

    @GetMapping("/arrears")
    @Operation(summary = "Les avances en retard à une date (aujourd'hui par défaut), par ancienneté de l'impayé "
            + "(tranches réglables par bassin)")
    AdvanceService.Arrears arrears(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Parameter(description = "la date de la position (fin de journée) ; aujourd'hui par défaut", example = "2025-12-31") LocalDate asOf) {
        return advances.arrears(advances.asOf(asOf));
    }

    @PutMapping("/arrears/buckets")
    @Operation(summary = "Fixer les tranches d'ancienneté du bassin (par défaut 30, 90, 180 jours)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    AgeingBuckets buckets(@Valid @RequestBody AgeingBuckets buckets) {
        return advances.setBuckets(buckets);
    }

    @GetMapping("/loss-rate")
    @Operation(summary = "Taux de perte du bassin, brut (pertes / prêts) et net des récupérations, face aux 6 % de référence (R-30)")
    LossRate lossRate(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Parameter(description = "la date de la position (fin de journée) ; aujourd'hui par défaut", example = "2025-12-31") LocalDate asOf) {
        LocalDate date = advances.asOf(asOf);
        BigDecimal lent = Money.ZERO;
        BigDecimal written = Money.ZERO;
        BigDecimal recovered = Money.ZERO;
        for (Advance advance : advances.all()) {
            AdvancePosition position = AdvancePosition.of(advance, date);
            lent = lent.add(position.disbursed());
            written = written.add(position.writtenOff());
            recovered = recovered.add(position.recovered());
        }
        org.alize.kernel.LossRate rate = org.alize.kernel.LossRate.of(lent, written, recovered);
        return new LossRate(date, lent, written, recovered, rate.grossPercent(), rate.netPercent(),
                ProgrammeReferences.R30_LOSS_RATE_PERCENT);
    }

    private AdvanceView view(Advance advance) {
        return AdvanceView.of(advance, advances.today());
    }

    record LossRate(LocalDate asOf, BigDecimal lent, BigDecimal writtenOff, BigDecimal recovered, BigDecimal ratePercent,
            BigDecimal netRatePercent, BigDecimal referencePercent) {
    }

    record MoneyInput(@Schema(example = "2026-04-20", description = "date de valeur ; aujourd'hui si absente") LocalDate on,
            @Schema(example = "400.00") @NotNull BigDecimal amount) {
    }

    record ReverseInput(LocalDate on, @Schema(example = "Chèque revenu impayé") @NotBlank @Size(max = 500) String reason) {
    }

    record WriteOffInput(LocalDate on, @NotNull BigDecimal amount, @NotBlank @Size(max = 1000) String reason,
            @Schema(example = "CA-2026-09") @NotBlank @Size(max = 80) String committeeReference) {
    }

    record RescheduleInput(@NotBlank @Size(max = 80) String approvalReference, LocalDate effectiveOn,
            @NotNull @Min(1) @Max(AdvanceAnnex.MAX_DURATION_MONTHS) Integer durationMonths,
            @Min(0) @Max(AdvanceAnnex.MAX_GRACE_MONTHS) Integer graceMonths, Frequency frequency) {
    }

    record SimulationInput(@NotNull BigDecimal amount, @NotNull @Min(1) @Max(AdvanceAnnex.MAX_DURATION_MONTHS) Integer durationMonths,
            @Min(0) @Max(AdvanceAnnex.MAX_GRACE_MONTHS) Integer graceMonths, Frequency frequency, LocalDate startOn) {
    }

    /** An advance with its position at {@code asOf}: status and figures are those of that date; lists are the whole record. */
    record AdvanceView(String advanceId, String projectId, String projectReference, String companyName, String conventionId,
            LocalDate signedOn, BigDecimal granted, Advance.Terms terms, LocalDate asOf, Advance.Status status, BigDecimal disbursed,
            BigDecimal repaid, BigDecimal writtenOff, BigDecimal recovered, BigDecimal outstanding, int daysPastDue,
            BigDecimal amountInArrears, List<Instalment> schedule, List<Advance.ScheduleVersion> formerSchedules,
            List<Advance.Movement> disbursements, List<Advance.Repayment> repayments, List<Advance.WriteOff> writeOffs,
            List<Advance.Movement> recoveries, Long version) {
        static AdvanceView of(Advance a, LocalDate asOf) {
            AdvancePosition p = AdvancePosition.of(a, asOf);
            return new AdvanceView(a.id(), a.projectId(), a.projectReference(), a.companyName(), a.conventionId(), a.signedOn(),
                    a.granted(), a.terms(), asOf, p.status(), p.disbursed(), p.repaid(), p.writtenOff(), p.recovered(),
                    p.outstanding(), p.daysPastDue(), p.amountInArrears(), a.schedule(), a.formerSchedules(),
                    a.disbursements(), a.repayments(), a.writeOffs(), a.recoveries(), a.version());
        }
    }
}
