package org.alize.reporting.indicator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Median and 90th percentile in Java (the embedded MongoDB has no percentile operators): nearest rank. */
public record Percentiles(@Nullable Integer median, @Nullable Integer p90, int count) {

    public static Percentiles of(List<Integer> values) {
        if (values.isEmpty()) {
            return new Percentiles(null, null, 0);
        }
        List<Integer> sorted = values.stream().sorted().toList();
        return new Percentiles(rank(sorted, 0.5), rank(sorted, 0.9), sorted.size());
    }

    private static int rank(List<Integer> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
