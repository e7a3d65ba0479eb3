package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.Figures.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alize.kernel.LossRate;
import org.alize.kernel.ProgrammeReferences;

/** The basin's money over a span: the convention's resources, what was spent, and the advance fund. */
final class MoneyFigures {

    /** The resource categories of R-13, in the order they are shown. */
    static final List<String> CATEGORIES = List.of("COMPANIES", "TERRITORIAL_ACTORS", "LOCAL_AUTHORITIES", "STATE_AND_CDC");

    private MoneyFigures() {
    }

    /** the convention's resources by category and their shares, beside the 40/20/25/15 and 900 k€ references. */
    static YearIndicators.Resources resources(Optional<ConventionFact> convention) {
        Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> byCategory.put(c, BigDecimal.ZERO));
        convention.ifPresent(c -> c.resources().forEach((category, total) -> byCategory.put(category, money(total))));
        BigDecimal total = byCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        byCategory.forEach((category, amount) -> shares.put(category, total.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                : amount.multiply(Figures.HUNDRED).divide(total, 1, RoundingMode.HALF_UP)));
        return new YearIndicators.Resources(convention.map(ConventionFact::conventionId).orElse(null), byCategory, shares,
                ProgrammeReferences.R13_RESOURCE_SHARES, money(total), ProgrammeReferences.R13_CONVENTION_RESOURCES);
    }

    /**
     * support to the projects (advances, direct financing, help in kind granted, skills delivered: the span's
     * {@code granted} means and {@code skills}, computed once for the year), local engineering, and the operator's
     * reimbursement — its money and the skills or help put at its disposal.
     */
    static YearIndicators.Spending spending(BasinFacts facts, Span span, YearIndicators.Means granted,
            YearIndicators.Skills skills) {
        BigDecimal engineering = BigDecimal.ZERO;
        BigDecimal reimbursement = BigDecimal.ZERO;
        for (MoneyFact m : facts.money()) {
            if (!span.contains(m.on())) {
                continue;
            }
            if (m.valued() && MoneyFact.OPERATOR.equals(m.account())) {
                reimbursement = reimbursement.add(m.amount());
            } else if (m.is(MoneyFact.EXPENSE) && MoneyFact.LOCAL_ENGINEERING.equals(m.category())) {
                engineering = engineering.add(m.amount());
            } else if (m.is(MoneyFact.EXPENSE) && MoneyFact.OPERATOR_REIMBURSEMENT.equals(m.category())) {
                reimbursement = reimbursement.add(m.amount());
            }
        }
        BigDecimal support = granted.advances().add(granted.directFinancing()).add(granted.inKind())
                .add(skills.valueDelivered());
        return new YearIndicators.Spending(money(support), ProgrammeReferences.R14_PROJECT_SUPPORT_PER_YEAR, money(engineering),
                ProgrammeReferences.R14_LOCAL_ENGINEERING_PER_YEAR, money(reimbursement),
                ProgrammeReferences.R14_OPERATOR_REIMBURSEMENT_CAP_PER_YEAR);
    }

    /**
     * the advance fund — lent, repaid (net of reversals), written off and recovered within the span;
     * outstanding, in arrears, the loss rates and the cash at its end ({@code cut}: the span's last day, or today).
     */
    static YearIndicators.Fund fund(BasinFacts facts, Span span, LocalDate cut) {
        BigDecimal lent = BigDecimal.ZERO;
        BigDecimal repaid = BigDecimal.ZERO;
        BigDecimal written = BigDecimal.ZERO;
        BigDecimal recovered = BigDecimal.ZERO;
        BigDecimal lentToDate = BigDecimal.ZERO;
        BigDecimal writtenToDate = BigDecimal.ZERO;
        BigDecimal recoveredToDate = BigDecimal.ZERO;
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal arrears = BigDecimal.ZERO;
        int inArrears = 0;
        BigDecimal balance = cash(facts, cut);
        for (AdvanceFact advance : facts.advances()) {
            BigDecimal aLent = AdvanceFact.upTo(advance.disbursements(), cut);
            BigDecimal aRepaid = advance.repaidUpTo(cut);
            BigDecimal aWritten = AdvanceFact.upTo(advance.writeOffs(), cut);
            BigDecimal aRecovered = AdvanceFact.upTo(advance.recoveries(), cut);
            lent = lent.add(AdvanceFact.within(advance.disbursements(), span));
            repaid = repaid.add(AdvanceFact.within(advance.repayments(), span)).subtract(AdvanceFact.within(advance.reversals(), span));
            written = written.add(AdvanceFact.within(advance.writeOffs(), span));
            recovered = recovered.add(AdvanceFact.within(advance.recoveries(), span));
            lentToDate = lentToDate.add(aLent);
            writtenToDate = writtenToDate.add(aWritten);
            recoveredToDate = recoveredToDate.add(aRecovered);
            BigDecimal owed = aLent.subtract(aRepaid).subtract(aWritten);
            outstanding = outstanding.add(owed);
            BigDecimal late = advance.dueBefore(cut).subtract(aRepaid).subtract(aWritten).max(BigDecimal.ZERO)
                    .min(owed.max(BigDecimal.ZERO));
            if (late.signum() > 0) {
                arrears = arrears.add(late);
                inArrears++;
            }
            balance = balance.subtract(aLent).add(aRepaid).add(aRecovered);
        }
        LossRate lossRate = LossRate.of(lentToDate, writtenToDate, recoveredToDate);
        // the fund's size is its cash plus the advances outstanding, weighed against the 400–500 k€ critical size
        return new YearIndicators.Fund(money(lent), money(repaid), money(written), money(recovered), money(outstanding),
                money(arrears), inArrears, lossRate.grossPercent(), ProgrammeReferences.R30_LOSS_RATE_PERCENT, money(balance),
                ProgrammeReferences.R30_CRITICAL_FUND_MIN, ProgrammeReferences.R30_CRITICAL_FUND_MAX, lossRate.netPercent(),
                money(balance.add(outstanding)));
    }

    /** What came into the advance fund up to {@code cut}: contributions to it, transfers to it less transfers from it. */
    static BigDecimal cash(BasinFacts facts, LocalDate cut) {
        BigDecimal cash = BigDecimal.ZERO;
        for (MoneyFact m : facts.money()) {
            if (m.on() == null || m.on().isAfter(cut)) {
                continue;
            }
            if (m.is(MoneyFact.CONTRIBUTION) && MoneyFact.ADVANCE_FUND.equals(m.account())) {
                cash = cash.add(m.amount());
            } else if (m.is(MoneyFact.TRANSFER) && MoneyFact.ADVANCE_FUND.equals(m.account())) {
                cash = cash.add(m.amount());
            } else if (m.is(MoneyFact.TRANSFER) && MoneyFact.ADVANCE_FUND.equals(m.category())) {
                cash = cash.subtract(m.amount());
            }
        }
        return cash;
    }
}
