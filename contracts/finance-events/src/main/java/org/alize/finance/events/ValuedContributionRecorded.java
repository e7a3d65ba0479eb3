package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner's contribution in skills or in kind, valued in euros for the resource profile without
 * moving cash.
 *
 * @param kind        {@code SKILLS} or {@code IN_KIND}
 * @param forOperator {@code true} when put at the local operator's disposal: the operator's defrayal in kind, which
 *                    counts with its money toward the 10 000 € of the convention year; absent from events
 *                    published before it existed
 */
public record ValuedContributionRecorded(String contributionId, String basinId, String partnerId, String resourceCategory,
        String kind, BigDecimal value, LocalDate providedOn, String description, Boolean forOperator, Instant recordedAt,
        String recordedBy) {
}
