package org.alize.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BasinSeederTest {

    @Test
    void the_demo_renewal_starts_on_a_1_july_at_least_a_year_ago_and_is_in_force_today_whatever_the_day() {
        assertThat(BasinSeeder.renewalStart(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(BasinSeeder.renewalStart(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(BasinSeeder.renewalStart(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2025, 7, 1));
        for (LocalDate day = LocalDate.of(2027, 1, 1); day.isBefore(LocalDate.of(2029, 1, 1)); day = day.plusDays(1)) {
            LocalDate start = BasinSeeder.renewalStart(day);
            assertThat(start.plusYears(1)).as("a year of sessions before %s", day).isBeforeOrEqualTo(day);
            assertThat(start.plusYears(3)).as("still in force on %s", day).isAfter(day);
        }
    }
}
