package org.alize.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar every basin lives in: metropolitan France. Business dates (a payment's day, a session's day) are
 * days of this calendar; an instant recorded at 23:30 UTC on 31 December is already 1 January there.
 */
public final class BasinCalendar {

    /** For annotations, which take a constant ({@code @Scheduled(zone = ...)}). */
    public static final String ZONE_ID = "Europe/Paris";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private BasinCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The basin's day at {@code instant}. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
