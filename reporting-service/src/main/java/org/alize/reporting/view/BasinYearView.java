package org.alize.reporting.view;

import java.util.List;

import org.alize.reporting.indicator.YearIndicators;

/** A basin's year: every figure beside its reference and the network's anonymised quartiles, and the detail. */
public record BasinYearView(String basinId, String basinName, int year, Currency currentAsOf, List<Figure> figures,
        YearIndicators detail) {
}
