package org.alize.basin.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The local steering committee took a decision the basin records, such as approving a transfer between the
 * two accounts; finance-service checks a transfer's approval against these.
 *
 * @param basinId    the basin, also the record key
 * @param decisionId the decision's id in the basin
 * @param reference  its reference in the committee's minutes, unique in the basin, such as {@code CLP-2026-03}
 * @param decidedOn  the day the committee decided
 * @param subject    what it decided, in French
 * @param recordedAt when it was recorded, UTC
 * @param recordedBy who (token subject)
 */
public record SteeringCommitteeDecided(String basinId, String decisionId, String reference, LocalDate decidedOn, String subject,
        Instant recordedAt, String recordedBy) {
}
