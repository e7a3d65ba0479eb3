package org.alize.basin.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * ASTREES planned a network meeting and invited this basin: published on each invited basin's stream, so that
 * its operator and its committee's president are invited.
 *
 * @param kind          {@code NETWORK_LIFE} (« Vie du réseau ») or {@code NATIONAL_EVENT}
 * @param basinsInvited how many basins are invited in all
 */
public record NetworkMeetingPlanned(String basinId, String meetingId, String kind, String title, LocalDate date,
        String location, int basinsInvited, Instant plannedAt, String plannedBy) {
}
