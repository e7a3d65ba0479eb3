package org.alize.project.cooperation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The advance annex's calendar: equal instalments after the grace period, monthly or quarterly, each
 * rounded down to the cent and the remainder on the last, so that they add up exactly to the amount.
 * The first falls one period after the grace period, counted from the signature.
 */
public final class RepaymentCalendar {

    private RepaymentCalendar() {
    }

    /**
     * @param count        the number of instalments
     * @param graceMonths  months after the signature before the first period starts
     * @param periodMonths 1 (monthly) or 3 (quarterly)
     */
    public static List<Instalment> of(BigDecimal amount, int count, int graceMonths, int periodMonths, LocalDate signedOn) {
        BigDecimal regular = amount.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        BigDecimal last = amount.subtract(regular.multiply(BigDecimal.valueOf(count - 1)));
        List<Instalment> schedule = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            schedule.add(new Instalment(n, signedOn.plusMonths((long) graceMonths + (long) n * periodMonths),
                    n == count ? last : regular));
        }
        return List.copyOf(schedule);
    }
}
