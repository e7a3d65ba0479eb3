package org.alize.reporting.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A basin's figures over one partnership convention (three years): flows summed over the years it covers,
 * beside the convention's own objectives (225 jobs over the convention, R-41) and resources.
 */
public record ConventionPeriodView(String conventionId, LocalDate startsOn, LocalDate endsOn, int yearsCovered,
        Map<String, BigDecimal> values, Map<String, BigDecimal> references) {
}
