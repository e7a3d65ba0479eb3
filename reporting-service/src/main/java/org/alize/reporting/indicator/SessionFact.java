package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.Reading.day;
import static org.alize.reporting.indicator.Reading.integer;

import java.time.LocalDate;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/** A session of the approval committee ({@link Facts#SESSIONS}): the day it was held and when its minutes were validated. */
public record SessionFact(@Nullable LocalDate heldOn, @Nullable LocalDate validatedOn, int agendaSize) {

    public static final String HELD_ON = "heldOn";
    public static final String VALIDATED_ON = "validatedOn";
    public static final String AGENDA_SIZE = "agendaSize";

    public static SessionFact read(Document d) {
        return new SessionFact(day(d.get(HELD_ON)), day(d.get(VALIDATED_ON)), integer(d.get(AGENDA_SIZE)));
    }
}
