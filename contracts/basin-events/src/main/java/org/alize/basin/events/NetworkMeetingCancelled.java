package org.alize.basin.events;

import java.time.Instant;
import java.time.LocalDate;

/** A planned network meeting this basin was invited to was cancelled; published on each invited basin's stream. */
public record NetworkMeetingCancelled(String basinId, String meetingId, String title, LocalDate date, String reason,
        Instant cancelledAt, String cancelledBy) {
}
