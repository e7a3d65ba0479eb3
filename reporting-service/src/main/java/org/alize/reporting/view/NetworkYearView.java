package org.alize.reporting.view;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.alize.reporting.indicator.Quartiles;

/** The network's year: one row per basin with its figures and ranks, each figure's total and quartiles. */
public record NetworkYearView(int year, int basins, Currency currentAsOf, List<Summary> figures, List<Row> rows) {

    /** A figure across the network: its total (when figures add up) and quartiles. */
    public record Summary(String key, String label, String unit, BigDecimal total, Quartiles quartiles) {
    }

    /** One basin's figures and its rank for each (1 is best; ties share a rank). */
    public record Row(String basinId, String basinName, Map<String, BigDecimal> values, Map<String, Integer> ranks) {
    }
}
