package org.alize.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alize.tenancy.BasinId;
import org.junit.jupiter.api.Test;

class BasinBudgetsTest {

    private final BasinBudgets budgets = new BasinBudgets(3, Duration.ZERO);

    @Test
    void a_basin_that_takes_its_whole_share_is_refused_more_while_another_basin_still_gets_its_own() {
        List<Runnable> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(budgets.acquire(BasinId.of("bruyant")).orElseThrow());
        }

        Optional<Runnable> fourth = budgets.acquire(BasinId.of("bruyant"));
        Optional<Runnable> neighbour = budgets.acquire(BasinId.of("paisible"));

        assertThat(fourth).isEmpty();
        assertThat(neighbour).isPresent();
        held.get(0).run();
        assertThat(budgets.acquire(BasinId.of("bruyant"))).as("a place freed is a place taken again").isPresent();
    }
}
