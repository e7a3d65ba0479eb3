package org.alize.kernel;

import java.time.Instant;

/** One line of an aggregate's history: what was done, when, by whom (token subject), and why or what changed. */
public record HistoryEntry(String action, Instant at, String by, String detail) {
}
