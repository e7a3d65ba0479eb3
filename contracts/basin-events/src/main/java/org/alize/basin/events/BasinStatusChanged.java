package org.alize.basin.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A basin moved in its lifecycle: {@code PROPOSED} → {@code VALIDATED} (national steering committee,
 * R-01) → {@code ACTIVE} (operator appointed and a partnership convention in force) ⇄ {@code SUSPENDED},
 * and {@code CLOSED} from any open state.
 *
 * @param action            {@code VALIDATE}, {@code ACTIVATE}, {@code SUSPEND} or {@code CLOSE}
 * @param decidedOn         date of the decision (the national committee's for a validation), basin calendar
 * @param decisionReference reference of the decision, such as the committee's minutes; may be absent
 * @param reason            why, as the actor gave it; may be absent for validation and activation
 */
public record BasinStatusChanged(String basinId, String name, String previousStatus, String status, String action,
        LocalDate decidedOn, String decisionReference, String reason, Instant changedAt, String changedBy) {
}
