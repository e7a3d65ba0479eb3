package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.Reading.day;

import java.time.LocalDate;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/** A meeting of the network ({@link Facts#MEETINGS}, R-40) and whether the basin's operator or president attended. */
public record MeetingFact(@Nullable String kind, @Nullable LocalDate heldOn, boolean operatorPresent, boolean presidentPresent) {

    public static final String KIND = "kind";
    public static final String HELD_ON = "heldOn";
    public static final String OPERATOR_PRESENT = "operatorPresent";
    public static final String PRESIDENT_PRESENT = "presidentPresent";
    /** A national event, counted apart from the « Vie du réseau » meetings. */
    public static final String NATIONAL_EVENT = "NATIONAL_EVENT";

    public static MeetingFact read(Document d) {
        return new MeetingFact(d.getString(KIND), day(d.get(HELD_ON)), Boolean.TRUE.equals(d.get(OPERATOR_PRESENT)),
                Boolean.TRUE.equals(d.get(PRESIDENT_PRESENT)));
    }

    public boolean national() {
        return NATIONAL_EVENT.equals(kind);
    }

    public boolean attended() {
        return operatorPresent || presidentPresent;
    }
}
