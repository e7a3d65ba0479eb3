package org.alize.finance;

import java.time.LocalDate;

import org.alize.kernel.problem.InvalidInput;
import org.alize.tenancy.input.InputBounds;

/** The date a position is asked at ({@code ?asOf=}): the end of that day. */
public final class AsOf {

    private AsOf() {
    }

    /** Today when none is given; never in the future (a position is a fact, not a forecast) nor before the programme. */
    public static LocalDate resolve(LocalDate requested, LocalDate today) {
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw InvalidInput.field("asOf", "une position se lit à une date passée ou aujourd'hui (" + today + "), pas à venir");
        }
        if (requested.isBefore(InputBounds.EARLIEST_DATE)) {
            throw InvalidInput.field("asOf", "date antérieure au programme (avant le 01/01/1990)");
        }
        return requested;
    }
}
