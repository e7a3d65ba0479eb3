package org.alize.finance.advance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.alize.kernel.Money;

/**
 * Where an advance stood at the end of a day: what had been lent, repaid, written off and recovered by then,
 * what remained owed and what of it was late. Read from the advance's dated movements, not from its current
 * state, so a position at 31 December is the same whether it is asked on 2 January or two years later, and a
 * movement entered afterwards with an earlier date moves the positions of the dates it belongs to.
 *
 * <p>The schedule is the one in force that day (an earlier version if the advance was rescheduled later). The
 * repayments then settle its oldest instalments and the write-offs its latest ones, in the order of their
 * dates; a repayment reversed on or before the day counts for nothing.
 */
public record AdvancePosition(LocalDate asOf, Advance.Status status, BigDecimal disbursed, BigDecimal repaid,
        BigDecimal writtenOff, BigDecimal recovered, BigDecimal outstanding, int daysPastDue, BigDecimal amountInArrears) {

    public static AdvancePosition of(Advance advance, LocalDate asOf) {
        BigDecimal disbursed = sum(advance.disbursements().stream().filter(m -> !m.on().isAfter(asOf)).map(Advance.Movement::amount));
        BigDecimal recovered = sum(advance.recoveries().stream().filter(m -> !m.on().isAfter(asOf)).map(Advance.Movement::amount));
        List<Settlement> settlements = new ArrayList<>();
        advance.repayments().stream().filter(r -> !r.paidOn().isAfter(asOf) && !reversedBy(r, asOf))
                .forEach(r -> settlements.add(new Settlement(r.paidOn(), r.recordedAt(), r.amount(), false)));
        advance.writeOffs().stream().filter(w -> !w.on().isAfter(asOf))
                .forEach(w -> settlements.add(new Settlement(w.on(), w.recordedAt(), w.amount(), true)));
        settlements.sort(Comparator.comparing(Settlement::on).thenComparing(Settlement::recordedAt));

        List<Instalment> schedule = scheduleInForce(advance, asOf);
        BigDecimal[] unpaid = schedule.stream().map(Instalment::amount).toArray(BigDecimal[]::new);
        List<LocalDate> due = schedule.stream().map(Instalment::dueOn).toList();
        BigDecimal repaid = Money.ZERO;
        BigDecimal writtenOff = Money.ZERO;
        for (Settlement settlement : settlements) {
            BigDecimal left = settlement.amount();
            for (int n = 0; n < unpaid.length && left.signum() > 0; n++) {
                int i = settlement.writeOff() ? unpaid.length - 1 - n : n;
                BigDecimal part = unpaid[i].min(left);
                unpaid[i] = unpaid[i].subtract(part);
                left = left.subtract(part);
            }
            if (settlement.writeOff()) {
                writtenOff = writtenOff.add(settlement.amount());
            } else {
                repaid = repaid.add(settlement.amount());
            }
        }
        BigDecimal outstanding = disbursed.subtract(repaid).subtract(writtenOff);
        BigDecimal late = Money.ZERO;
        int daysPastDue = 0;
        if (outstanding.signum() > 0) {
            for (int i = 0; i < unpaid.length; i++) {
                if (due.get(i).isBefore(asOf) && unpaid[i].signum() > 0) {
                    late = late.add(unpaid[i]);
                    daysPastDue = Math.max(daysPastDue, (int) ChronoUnit.DAYS.between(due.get(i), asOf));
                }
            }
            late = late.min(outstanding);
        }
        Advance.Status status = disbursed.signum() == 0 ? Advance.Status.OPEN
                : outstanding.signum() > 0 ? Advance.Status.ACTIVE
                : writtenOff.signum() > 0 ? Advance.Status.WRITTEN_OFF : Advance.Status.REPAID;
        return new AdvancePosition(asOf, status, disbursed, repaid, writtenOff, recovered, outstanding, daysPastDue, late);
    }

    /** The schedule in force on {@code date}: the first version replaced after it, else the current one. */
    static List<Instalment> scheduleInForce(Advance advance, LocalDate date) {
        return advance.formerSchedules().stream().filter(v -> v.replacedOn().isAfter(date)).findFirst()
                .map(Advance.ScheduleVersion::schedule).orElseGet(advance::schedule);
    }

    private static boolean reversedBy(Advance.Repayment repayment, LocalDate date) {
        return repayment.reversed() && !repayment.reversal().on().isAfter(date);
    }

    private static BigDecimal sum(java.util.stream.Stream<BigDecimal> amounts) {
        return amounts.reduce(Money.ZERO, BigDecimal::add);
    }

    private record Settlement(LocalDate on, Instant recordedAt, BigDecimal amount, boolean writeOff) {
    }
}
