package org.alize.basin.committee;

import java.time.LocalDate;

/** From a date, until a date included or open-ended. */
public record Period(LocalDate from, LocalDate to) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    public boolean overlaps(Period other) {
        return (other.to == null || !from.isAfter(other.to)) && (to == null || !other.from.isAfter(to));
    }

    public boolean isOpen() {
        return to == null;
    }
}
