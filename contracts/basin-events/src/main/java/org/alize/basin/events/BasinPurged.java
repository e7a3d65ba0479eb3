package org.alize.basin.events;

import java.time.Instant;

/**
 * A closed basin's data was purged once its retention period ran out (offboarding): every service drops what it keeps
 * of the basin and ignores the basin's events from then on. The registry keeps the basin's id and name, so that the id
 * is never given to another basin; the events stay on the topics, their personal data unreadable (the basin's keys
 * are destroyed).
 *
 * @param closedAt when the basin was closed
 */
public record BasinPurged(String basinId, Instant closedAt, Instant purgedAt, String purgedBy) {
}
