package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner's contribution in skills or in kind, valued in euros for the resource profile without
 * moving cash.
 *
 * @param kind {@code SKILLS} or {@code IN_KIND}
 */
public record ValuedContributionRecorded(String contributionId, String basinId, String partnerId, String resourceCategory,
        String kind, BigDecimal value, LocalDate providedOn, String description, Instant recordedAt, String recordedBy) {
}
