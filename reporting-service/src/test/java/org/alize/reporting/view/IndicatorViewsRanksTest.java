package org.alize.reporting.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.alize.reporting.indicator.Metric;
import org.junit.jupiter.api.Test;

/** {@link IndicatorViews#ranks}: competition ranking of the basins on one metric, in its better direction. */
class IndicatorViewsRanksTest {

    @Test
    void competition_ranking_in_the_better_direction() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("a", new BigDecimal("10"));
        values.put("b", new BigDecimal("30"));
        values.put("c", new BigDecimal("30.0"));
        values.put("d", new BigDecimal("5"));
        Metric approvals = Metric.byKey("projectsApproved").orElseThrow();
        assertThat(IndicatorViews.ranks(approvals, values)).containsExactlyInAnyOrderEntriesOf(
                Map.of("b", 1, "c", 1, "a", 3, "d", 4));
        Metric lossRate = Metric.byKey("lossRate").orElseThrow();
        assertThat(IndicatorViews.ranks(lossRate, values)).containsExactlyInAnyOrderEntriesOf(
                Map.of("d", 1, "a", 2, "b", 3, "c", 3));
    }

    @Test
    void ranks_agree_with_counting_the_basins_that_do_better_on_a_thousand_random_figures() {
        java.util.Random random = new java.util.Random(42);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < 1_000; i++) {
            values.put("b" + i, BigDecimal.valueOf(random.nextInt(200), random.nextInt(2)));
        }
        for (Metric metric : Metric.ALL) {
            java.util.Comparator<BigDecimal> order = metric.better() == Metric.Direction.HIGHER
                    ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder();
            Map<String, Integer> ranks = IndicatorViews.ranks(metric, values);
            values.forEach((basin, value) -> assertThat(ranks.get(basin)).as(metric.key() + " " + basin)
                    .isEqualTo(1 + (int) values.values().stream().filter(other -> order.compare(other, value) < 0).count()));
        }
    }

    @Test
    void every_metric_has_a_unique_key_and_a_french_label() {
        assertThat(Metric.ALL).extracting(Metric::key).doesNotHaveDuplicates();
        assertThat(Metric.ALL).allSatisfy(m -> assertThat(m.label()).isNotBlank());
    }
}
