package org.alize.project.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;

/** A partner company's skills mission for the project: days planned, days delivered, their value. */
public record SkillsMission(String missionId, String partnerId, String partnerName, String domain, int daysPlanned,
        BigDecimal dailyValue, List<Delivery> deliveries) {

    public SkillsMission {
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }

    public int daysDelivered() {
        return deliveries.stream().mapToInt(Delivery::days).sum();
    }

    public BigDecimal valuePlanned() {
        return dailyValue.multiply(BigDecimal.valueOf(daysPlanned));
    }

    public BigDecimal valueDelivered() {
        return dailyValue.multiply(BigDecimal.valueOf(daysDelivered()));
    }

    /** A mission granted by the committee, nothing delivered yet. */
    public static SkillsMission granted(String missionId, String partnerId, String partnerName, String domain, int days,
            BigDecimal dailyValue) {
        return new SkillsMission(missionId, partnerId, partnerName, domain, days, dailyValue, List.of());
    }

    /**
     * The mission with {@code days} more delivered on {@code on}: once the convention is signed, not in the
     * future, and within the days the committee granted; beyond them, a new intervention is needed.
     */
    public SkillsMission deliver(LocalDate on, int days, String note, LocalDate conventionSignedOn, LocalDate today,
            Instant at, String by) {
        if (days < 1) {
            throw InvalidInput.field("days", "au moins une journée");
        }
        if (on == null || on.isAfter(today) || on.isBefore(conventionSignedOn)) {
            throw InvalidInput.field("deliveredOn", "la date suit la signature de la convention et n'est pas future");
        }
        if (daysDelivered() + days > daysPlanned) {
            throw new Conflict("mission.exceeded", partnerName + " a déjà livré " + daysDelivered() + " des "
                    + daysPlanned + " jours accordés : au-delà, une nouvelle intervention du comité est nécessaire.");
        }
        List<Delivery> all = new ArrayList<>(deliveries);
        all.add(new Delivery(on, days, note, at, by));
        return new SkillsMission(missionId, partnerId, partnerName, domain, daysPlanned, dailyValue, all);
    }
}
