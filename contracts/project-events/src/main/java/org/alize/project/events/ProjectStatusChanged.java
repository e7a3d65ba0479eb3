package org.alize.project.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A project moved in its lifecycle: {@code SUBMITTED} → {@code IN_DIAGNOSIS} → {@code READY_FOR_COMMITTEE} →
 * {@code APPROVED} / {@code REJECTED} (or back to {@code IN_DIAGNOSIS} when postponed) →
 * {@code CONVENTION_SIGNED} → {@code IN_FOLLOW_UP} → {@code CLOSED}; {@code ABANDONED} or
 * {@code WITHDRAWN} from an open step. Reporting measures processing times with it.
 *
 * @param action    the explicit action, such as {@code START_DIAGNOSIS}, {@code MARK_READY}, {@code DECIDE}
 * @param changedOn the date it took effect, in the basin's calendar
 */
public record ProjectStatusChanged(String basinId, String projectId, String reference, String previousStatus,
        String status, String action, String reason, LocalDate changedOn, Instant changedAt, String changedBy) {
}
