package org.alize.basin.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A network meeting animated by ASTREES took place: a "Vie du réseau" meeting with the local
 * operators (committee presidents may attend) or the national event. Published once on the stream of
 * each basin invited, saying who from that basin attended.
 *
 * @param kind               {@code NETWORK_LIFE} (« Vie du réseau ») or {@code NATIONAL_EVENT}
 * @param operatorPresent    whether the basin's local operator attended
 * @param presidentPresent   whether the basin's approval committee president attended
 */
public record NetworkMeetingHeld(String basinId, String meetingId, String kind, String title, LocalDate heldOn,
        boolean operatorPresent, boolean presidentPresent, int basinsInvited, int basinsPresent, Instant recordedAt,
        String recordedBy) {
}
