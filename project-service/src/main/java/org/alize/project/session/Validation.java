package org.alize.project.session;

import java.time.Instant;
import java.time.LocalDate;

/** The local steering committee's a-posteriori validation of the session's decisions. */
public record Validation(LocalDate validatedOn, String validatedBy, String remarks, Instant recordedAt, String recordedBy) {
}
