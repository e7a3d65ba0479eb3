package org.alize.reporting.view;

import java.time.LocalDate;
import java.util.List;

import org.alize.reporting.indicator.Cohorts;

/**
 * The cohorts of projects approved each year, read as of {@code asOf}: a basin's ({@code scope} its id), or the
 * network's ({@code scope} « network », each year summed over the basins that approved projects that year).
 */
public record CohortsView(String scope, LocalDate asOf, Currency currentAsOf, List<Cohorts.Cohort> cohorts) {
}
