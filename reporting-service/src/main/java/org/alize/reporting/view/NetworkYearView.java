package org.alize.reporting.view;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.alize.reporting.indicator.Quartiles;

/**
 * The network's year: each figure's total and quartiles over the {@code basins} basins, and one row per basin with
 * its figures and ranks — all of them, or one page of them ({@code page} of {@code totalPages}, {@code size} rows,
 * in the order of {@code sortedBy}: a figure's key, best rank first, or {@code basinId}).
 */
public record NetworkYearView(int year, int basins, Currency currentAsOf, List<Summary> figures, List<Row> rows,
        int page, int size, long totalPages, String sortedBy) {

    /** Rows in the order of the basins' ids, unless a figure is named. */
    public static final String BY_BASIN = "basinId";

    /** Every row, in the order of the basins' ids (what the exports and the cache hold). */
    static NetworkYearView whole(int year, int basins, Currency currentAsOf, List<Summary> figures, List<Row> rows) {
        return new NetworkYearView(year, basins, currentAsOf, figures, rows, 0, rows.size(), 1, BY_BASIN);
    }

    /** A figure across the network: its total (when figures add up) and quartiles. */
    public record Summary(String key, String label, String unit, BigDecimal total, Quartiles quartiles) {
    }

    /** One basin's figures and its rank for each (1 is best; ties share a rank). */
    public record Row(String basinId, String basinName, Map<String, BigDecimal> values, Map<String, Integer> ranks) {
    }
}
