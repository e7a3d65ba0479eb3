package org.alize.reporting.view;

import java.util.List;

/** A basin's partnership conventions, each as a period, and up to which event the figures are current. */
public record ConventionPeriodsView(String basinId, Currency currentAsOf, List<ConventionPeriodView> periods) {
}
