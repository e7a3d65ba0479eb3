package org.alize.project.followup;

import java.time.Instant;
import java.time.LocalDate;

/** Days of a mission delivered on a date, as reported. */
public record Delivery(LocalDate deliveredOn, int days, String note, Instant recordedAt, String recordedBy) {
}
