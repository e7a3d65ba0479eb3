package org.alize.reporting.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.alize.reporting.indicator.Metric;
import org.junit.jupiter.api.Test;

class RanksTest {

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
    void every_metric_has_a_unique_key_and_a_french_label() {
        assertThat(Metric.ALL).extracting(Metric::key).doesNotHaveDuplicates();
        assertThat(Metric.ALL).allSatisfy(m -> assertThat(m.label()).isNotBlank());
    }
}
