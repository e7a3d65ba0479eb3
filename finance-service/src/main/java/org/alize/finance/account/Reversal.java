package org.alize.finance.account;

import java.time.Instant;
import java.time.LocalDate;

import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;

/**
 * How a movement recorded by mistake was undone: by a new movement of its own date, never by editing or
 * deleting the first; the movement keeps it beside it.
 *
 * @param id the reversal's id, the journal's piece reference for the reversing entry
 */
public record Reversal(String id, LocalDate on, String reason, Instant recordedAt, String recordedBy) {

    /** A reversal of a movement of {@code movementOn}: dated on or after it and not in the future, for a reason. */
    static Reversal of(String id, Reversal existing, LocalDate movementOn, LocalDate on, String reason, LocalDate today,
            Instant at, String by) {
        if (existing != null) {
            throw new Conflict("movement.reversed", "Ce mouvement est déjà contre-passé (le " + existing.on() + ").");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.field("reason", "le motif de la contre-passation est obligatoire");
        }
        if (on == null || on.isAfter(today) || on.isBefore(movementOn)) {
            throw InvalidInput.field("on", "la contre-passation suit le mouvement (" + movementOn + ") et n'est pas future");
        }
        return new Reversal(id, on, reason.strip(), at, by);
    }
}
