package org.alize.finance.advance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alize.kernel.Money;
import org.alize.kernel.problem.InvalidInput;
import org.alize.project.events.CooperationConventionSigned.AdvanceAnnex;

/**
 * Equal instalments of a principal: each rounded down to the cent, the remainder on the last, so that they
 * add up exactly to the principal; the first one period after the grace period, counted from the start.
 */
public final class Schedules {

    private Schedules() {
    }

    public static List<Instalment> equal(BigDecimal principal, int durationMonths, int graceMonths, Frequency frequency,
            LocalDate start, int firstNumber) {
        if (durationMonths < 1 || graceMonths < 0 || graceMonths >= durationMonths) {
            throw InvalidInput.field("durationMonths", "une durée d'au moins un mois, un différé plus court que la durée");
        }
        if (durationMonths > AdvanceAnnex.MAX_DURATION_MONTHS) {
            throw InvalidInput.field("durationMonths", "au plus " + AdvanceAnnex.MAX_DURATION_MONTHS + " mois");
        }
        if (graceMonths > AdvanceAnnex.MAX_GRACE_MONTHS) {
            throw InvalidInput.field("graceMonths", "au plus " + AdvanceAnnex.MAX_GRACE_MONTHS + " mois de différé");
        }
        if ((durationMonths - graceMonths) % frequency.months() != 0) {
            throw InvalidInput.field("durationMonths", "la durée hors différé doit être un multiple de la périodicité");
        }
        int count = (durationMonths - graceMonths) / frequency.months();
        BigDecimal regular = principal.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        BigDecimal last = principal.subtract(regular.multiply(BigDecimal.valueOf(count - 1)));
        List<Instalment> schedule = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            schedule.add(new Instalment(firstNumber + i - 1,
                    start.plusMonths((long) graceMonths + (long) i * frequency.months()),
                    i == count ? last : regular, Money.ZERO, Money.ZERO));
        }
        return schedule;
    }
}
