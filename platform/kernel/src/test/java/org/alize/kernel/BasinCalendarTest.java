package org.alize.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class BasinCalendarTest {

    @Test
    void late_on_new_years_eve_in_utc_is_already_the_new_year_in_the_basins() {
        Instant instant = Instant.parse("2025-12-31T23:30:00Z");
        assertThat(BasinCalendar.dayOf(instant)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(BasinCalendar.today(Clock.fixed(instant, ZoneOffset.UTC))).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void summer_time_is_two_hours_ahead_of_utc() {
        assertThat(BasinCalendar.dayOf(Instant.parse("2026-06-30T22:30:00Z"))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(BasinCalendar.dayOf(Instant.parse("2026-06-30T21:30:00Z"))).isEqualTo(LocalDate.of(2026, 6, 30));
    }
}
