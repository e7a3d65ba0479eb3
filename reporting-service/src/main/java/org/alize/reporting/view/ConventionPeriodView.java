package org.alize.reporting.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A basin's figures over one partnership convention's own term (three convention years, from its start date, not
 * calendar years): flows of those days and positions at the term's end, beside the convention's own objectives (225
 * jobs over the convention, R-41) and resources.
 *
 * @param yearsCovered the convention years begun (1 to 3)
 */
public record ConventionPeriodView(String conventionId, LocalDate startsOn, LocalDate endsOn, int yearsCovered,
        Map<String, BigDecimal> values, Map<String, BigDecimal> references) {
}
