package org.alize.reporting.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.alize.reporting.indicator.Generation;
import org.alize.testing.SettableClock;
import org.junit.jupiter.api.Test;

class NetworkYearsTest {

    private final AtomicLong stamp = new AtomicLong();
    private final AtomicInteger computations = new AtomicInteger();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final NetworkYears years = new NetworkYears(g -> stamp.get(), () -> Generation.FIRST, clock, Duration.ofSeconds(2));

    private String view() {
        return years.get("year/2026", () -> "computed at stamp " + stamp.get() + " (#" + computations.incrementAndGet() + ")");
    }

    @Test
    void a_year_is_computed_once_per_change_of_the_network_whatever_the_number_of_readers() {
        assertThat(view()).isEqualTo("computed at stamp 0 (#1)");
        for (int reader = 0; reader < 1_000; reader++) {
            assertThat(view()).isEqualTo("computed at stamp 0 (#1)");
        }
        assertThat(computations).hasValue(1);
    }

    @Test
    void a_change_is_answered_from_the_former_figures_for_a_moment_while_one_recomputation_runs_then_never_later_than_the_bound() {
        view();
        stamp.incrementAndGet();
        clock.advance(Duration.ofMillis(500));
        assertThat(view()).as("within the staleness bound: the former figures, and a recomputation started")
                .isEqualTo("computed at stamp 0 (#1)");
        await().atMost(Duration.ofSeconds(5)).until(() -> view().equals("computed at stamp 1 (#2)"));
        assertThat(computations).hasValue(2);

        stamp.incrementAndGet();
        clock.advance(Duration.ofSeconds(3));
        assertThat(view()).as("beyond it: the reader waits for the figures of now").isEqualTo("computed at stamp 2 (#3)");
    }
}
