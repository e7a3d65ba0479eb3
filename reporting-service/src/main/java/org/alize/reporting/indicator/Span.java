package org.alize.reporting.indicator;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A period the indicators are computed over, both days included: a calendar year or a convention's term. */
public record Span(LocalDate from, LocalDate to) {

    public static Span year(int year) {
        return new Span(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public boolean contains(@Nullable LocalDate date) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }
}
