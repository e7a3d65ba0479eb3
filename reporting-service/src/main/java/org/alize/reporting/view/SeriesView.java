package org.alize.reporting.view;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Figures year by year: for one basin its own values, for the network its totals (or medians) over basins. */
public record SeriesView(String scope, Currency currentAsOf, List<Point> years) {

    public record Point(int year, int basins, Map<String, BigDecimal> values) {
    }
}
