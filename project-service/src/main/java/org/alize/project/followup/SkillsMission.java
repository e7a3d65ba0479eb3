package org.alize.project.followup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

    public SkillsMission with(Delivery delivery) {
        List<Delivery> all = new ArrayList<>(deliveries);
        all.add(delivery);
        return new SkillsMission(missionId, partnerId, partnerName, domain, daysPlanned, dailyValue, all);
    }
}
