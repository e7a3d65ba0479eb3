package org.alize.project.cooperation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alize.project.project.GrantedMeans;

/**
 * The advance annex's calendar: equal instalments after the grace period, monthly or quarterly, each
 * rounded down to the cent and the remainder on the last, so that they add up exactly to the amount.
 * The first falls one period after the grace period, counted from the signature.
 */
public final class RepaymentCalendar {

    private RepaymentCalendar() {
    }

    public static List<Instalment> of(GrantedMeans.AdvanceTerms terms, LocalDate signedOn) {
        int count = terms.instalments();
        BigDecimal regular = terms.amount().divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        BigDecimal last = terms.amount().subtract(regular.multiply(BigDecimal.valueOf(count - 1)));
        int period = terms.frequency().months();
        List<Instalment> schedule = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            schedule.add(new Instalment(n, signedOn.plusMonths((long) terms.graceMonths() + (long) n * period),
                    n == count ? last : regular));
        }
        return List.copyOf(schedule);
    }
}
