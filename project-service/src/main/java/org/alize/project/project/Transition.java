package org.alize.project.project;

import java.time.Instant;
import java.time.LocalDate;

import org.alize.kernel.problem.InvalidInput;

/** One step of a project's life: the action, the states, the date it took effect, why, who and when it was recorded. */
public record Transition(ProjectAction action, ProjectStatus from, ProjectStatus to, LocalDate on, String reason,
        Instant at, String by) {

    /** The reason a step that ends or changes the project's course must give. */
    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.field("reason", "le motif est obligatoire");
        }
        return reason.strip();
    }
}
