package org.alize.reporting.indicator;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Up to which event a basin's indicators are current: the last event applied, its time, and how many events
 * changed the basin's facts. One document per basin in {@code reporting_network}.
 */
@Document("freshness")
public record Freshness(@Id String basinId, String lastEventId, String lastEventType, Instant lastEventTime,
        Instant updatedAt, long eventsApplied) {
}
