package org.alize.basin.meeting;

import java.util.List;

/**
 * A year of network life against R-40: at least three "Vie du réseau" meetings and one national event,
 * and each basin's presence.
 */
public record YearSummary(int year, int networkLifeHeld, int networkLifeMinimum, int nationalEventsHeld,
        int nationalEventsMinimum, int planned, List<String> shortfalls, List<BasinPresence> basins) {

    public static final int NETWORK_LIFE_MINIMUM = 3;
    public static final int NATIONAL_EVENT_MINIMUM = 1;

    /** How many of the year's meetings held a basin was invited to and attended. */
    public record BasinPresence(String basinId, int invited, int attended) {
    }

    static YearSummary of(int year, List<NetworkMeeting> meetings) {
        List<NetworkMeeting> held = meetings.stream().filter(m -> m.status() == NetworkMeeting.Status.HELD).toList();
        int life = (int) held.stream().filter(m -> m.kind() == NetworkMeeting.Kind.NETWORK_LIFE).count();
        int national = (int) held.stream().filter(m -> m.kind() == NetworkMeeting.Kind.NATIONAL_EVENT).count();
        int planned = (int) meetings.stream().filter(m -> m.status() == NetworkMeeting.Status.PLANNED).count();
        List<String> shortfalls = new java.util.ArrayList<>();
        if (life < NETWORK_LIFE_MINIMUM) {
            shortfalls.add(life + " réunion(s) « Vie du réseau » tenue(s) pour " + NETWORK_LIFE_MINIMUM + " au moins (R-40)");
        }
        if (national < NATIONAL_EVENT_MINIMUM) {
            shortfalls.add("aucun événement national tenu (R-40)");
        }
        java.util.Map<String, int[]> presence = new java.util.TreeMap<>();
        for (NetworkMeeting meeting : held) {
            meeting.invitedBasins().forEach(basin -> presence.computeIfAbsent(basin, b -> new int[2])[0]++);
            meeting.attendance().stream().filter(a -> a.operator() || a.president())
                    .forEach(a -> presence.computeIfAbsent(a.basinId(), b -> new int[2])[1]++);
        }
        return new YearSummary(year, life, NETWORK_LIFE_MINIMUM, national, NATIONAL_EVENT_MINIMUM, planned,
                List.copyOf(shortfalls), presence.entrySet().stream()
                        .map(e -> new BasinPresence(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
    }
}
