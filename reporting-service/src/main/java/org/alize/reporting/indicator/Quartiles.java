package org.alize.reporting.indicator;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * First quartile, median and third quartile of the basins' figures (nearest rank), and how many basins they
 * summarise. Below {@link #MIN_BASINS} basins the quartiles are withheld: with so few, they would give away
 * the other basins' own figures.
 */
public record Quartiles(@Nullable BigDecimal q1, @Nullable BigDecimal median, @Nullable BigDecimal q3, int basins) {

    public static final int MIN_BASINS = 5;

    public static Quartiles of(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return new Quartiles(null, null, null, 0);
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        return new Quartiles(rank(sorted, 0.25), rank(sorted, 0.5), rank(sorted, 0.75), sorted.size());
    }

    /** The same figures, or none if they summarise too few basins to be shown to a basin. */
    public Quartiles anonymised() {
        return basins >= MIN_BASINS ? this : new Quartiles(null, null, null, basins);
    }

    private static BigDecimal rank(List<BigDecimal> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
