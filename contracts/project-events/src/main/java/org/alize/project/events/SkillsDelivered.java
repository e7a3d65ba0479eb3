package org.alize.project.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A partner company delivered days of a skills mission, valued at the mission's daily rate. */
public record SkillsDelivered(String basinId, String projectId, String missionId, String partnerId, LocalDate deliveredOn,
        int days, BigDecimal value, int totalDaysDelivered, int daysPlanned, Instant recordedAt, String recordedBy) {
}
