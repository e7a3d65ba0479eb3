package org.alize.basin.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The local steering committee changed: its chairs and members with their dates. Project-service
 * uses it for the a-posteriori validation of decisions.
 */
public record SteeringCommitteeChanged(String basinId, List<Chair> chairs, List<Member> members, String change,
        Instant changedAt, String changedBy) {

    /** {@code PREFECT} or {@code LOCAL_AUTHORITY} (then with its financial share in percent). */
    public record Chair(String kind, String personId, String name, String organisationId, BigDecimal financialSharePercent,
            LocalDate from, LocalDate until) {
    }

    public record Member(String personId, String name, LocalDate from, LocalDate until) {
    }
}
