package org.alize.basin.registry;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a basin's history: what was done, by whom, when, and why. */
public record Transition(String action, BasinStatus from, BasinStatus to, LocalDate decidedOn, String decisionReference,
        String reason, Instant at, String by) {
}
