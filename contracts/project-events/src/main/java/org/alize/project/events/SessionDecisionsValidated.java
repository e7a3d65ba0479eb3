package org.alize.project.events;

import java.time.Instant;
import java.time.LocalDate;

/** The local steering committee validated a posteriori the decisions of a session. */
public record SessionDecisionsValidated(String basinId, String sessionId, LocalDate validatedOn, String validatedBy,
        String remarks, Instant recordedAt, String recordedBy) {
}
