package org.alize.reporting.view;

import java.time.Instant;

/**
 * Up to which event a view is current. For one basin: its last applied event. For the network: the oldest
 * and newest of its basins' last events, and how many events were applied in all.
 */
public record Currency(String lastEventId, String lastEventType, Instant oldestAsOf, Instant newestAsOf,
        long eventsApplied) {
}
