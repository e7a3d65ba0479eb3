package org.alize.project.project;

import java.time.Instant;
import java.time.LocalDate;

/** One step of a project's life: the action, the states, the date it took effect, why, who and when it was recorded. */
public record Transition(ProjectAction action, ProjectStatus from, ProjectStatus to, LocalDate on, String reason,
        Instant at, String by) {
}
