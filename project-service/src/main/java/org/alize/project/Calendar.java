package org.alize.project;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates are in the basin's calendar: metropolitan France. */
public final class Calendar {

    public static final ZoneId BASIN_ZONE = ZoneId.of("Europe/Paris");

    private Calendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(BASIN_ZONE));
    }
}
