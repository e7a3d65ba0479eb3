package org.alize.reporting.view;

import java.math.BigDecimal;

import org.alize.reporting.indicator.Quartiles;

/** One figure of a view: its value beside its reference, and where the network stands. */
public record Figure(String key, String label, String unit, BigDecimal value, BigDecimal reference, Integer rank,
        Quartiles network) {
}
