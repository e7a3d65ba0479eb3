package org.alize.finance.outlook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.alize.finance.advance.Advance;
import org.alize.finance.advance.Instalment;
import org.alize.kernel.LossRate;
import org.alize.kernel.Money;
import org.alize.kernel.ProgrammeReferences;

/** See the package documentation. */
public record FundOutlook(LocalDate on, BigDecimal startingBalance, BigDecimal lossRatePercent, BigDecimal plannedMonthly,
        BigDecimal criticalMin, BigDecimal criticalMax, List<Month> months) {


    /** One month: expected repayments in, disbursements out, the balance at its end and where it stands. */
    public record Month(YearMonth month, BigDecimal expectedRepayments, BigDecimal expectedDisbursements, BigDecimal balance,
            String position) {
    }

    /**
     * @param plannedApprovalsPerYear advances expected to be granted each year
     * @param averageAdvance          their expected amount
     */
    public static FundOutlook project(LocalDate today, BigDecimal fundBalance, List<Advance> advances, int months,
            int plannedApprovalsPerYear, BigDecimal averageAdvance) {
        BigDecimal lent = advances.stream().map(Advance::disbursed).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal written = advances.stream().map(Advance::writtenOff).reduce(Money.ZERO, BigDecimal::add);
        // what was lost so far, or the reference while nothing was lent to measure it
        BigDecimal lossRate = LossRate.of(lent, written, Money.ZERO).forProjection();
        BigDecimal recoveryFactor = BigDecimal.ONE.subtract(lossRate.movePointLeft(2));
        BigDecimal planned = averageAdvance.multiply(BigDecimal.valueOf(plannedApprovalsPerYear))
                .divide(new BigDecimal("12"), 2, RoundingMode.HALF_UP);
        BigDecimal undisbursed = advances.stream().filter(a -> a.status() != Advance.Status.WRITTEN_OFF)
                .map(a -> a.granted().subtract(a.disbursed())).reduce(Money.ZERO, BigDecimal::add);
        List<Month> projection = new ArrayList<>();
        BigDecimal balance = fundBalance;
        YearMonth current = YearMonth.from(today);
        for (int m = 1; m <= months; m++) {
            YearMonth month = current.plusMonths(m - 1);
            BigDecimal in = Money.ZERO;
            for (Advance advance : advances) {
                if (advance.status() != Advance.Status.ACTIVE) {
                    continue;
                }
                for (Instalment instalment : advance.schedule()) {
                    YearMonth due = YearMonth.from(instalment.dueOn());
                    boolean inMonth = due.equals(month) || (m == 1 && due.isBefore(month));
                    if (inMonth && instalment.unpaid().signum() > 0) {
                        in = in.add(instalment.unpaid());
                    }
                }
            }
            in = in.multiply(recoveryFactor).setScale(2, RoundingMode.HALF_UP);
            BigDecimal out = planned.add(m == 1 ? undisbursed : Money.ZERO);
            balance = balance.add(in).subtract(out);
            projection.add(new Month(month, in, out, balance, balance.compareTo(ProgrammeReferences.R30_CRITICAL_FUND_MIN) < 0 ? "sous la taille critique"
                    : balance.compareTo(ProgrammeReferences.R30_CRITICAL_FUND_MAX) > 0 ? "au-dessus de la taille critique" : "dans la taille critique"));
        }
        return new FundOutlook(today, fundBalance, lossRate, planned, ProgrammeReferences.R30_CRITICAL_FUND_MIN,
                ProgrammeReferences.R30_CRITICAL_FUND_MAX, projection);
    }
}
