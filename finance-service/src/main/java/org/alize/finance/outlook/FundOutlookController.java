package org.alize.finance.outlook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.alize.finance.advance.Advance;
import org.alize.finance.advance.AdvanceService;
import org.alize.finance.journal.Account;
import org.alize.finance.journal.JournalService;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Perspectives du fonds", description = "Le solde du fonds d'avances projeté sur 36 mois face à la taille critique (R-30)")
class FundOutlookController {

    private final AdvanceService advances;
    private final JournalService journal;

    FundOutlookController(AdvanceService advances, JournalService journal) {
        this.advances = advances;
        this.journal = journal;
    }

    @GetMapping("/api/basins/{basinId}/fund-outlook")
    @Operation(summary = "Projection mois par mois : échéances attendues (moins le taux de perte observé), avances à verser "
            + "et agréments prévus (par défaut 12 par an, au montant moyen des avances du bassin)")
    FundOutlook outlook(@RequestParam(defaultValue = "36") @Min(1) @Max(120) int months,
            @RequestParam(defaultValue = "12") @Min(0) @Max(100) int plannedApprovalsPerYear,
            @RequestParam(required = false) BigDecimal averageAdvance) {
        List<Advance> all = advances.all();
        BigDecimal average = averageAdvance != null ? averageAdvance : all.isEmpty() ? new BigDecimal("15000.00")
                : all.stream().map(Advance::granted).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(all.size()), 2, RoundingMode.HALF_UP);
        return FundOutlook.project(advances.today(), journal.balanceOf(Account.FUND_BANK), all, months,
                plannedApprovalsPerYear, average);
    }
}
