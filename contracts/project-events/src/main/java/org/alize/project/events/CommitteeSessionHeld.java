package org.alize.project.events;

import java.time.Instant;
import java.time.LocalDate;

/** An approval committee session was held with a quorum (R-23, R-41: 6 to 10 a year). */
public record CommitteeSessionHeld(String basinId, String sessionId, int number, LocalDate heldOn, int membersPresent,
        int votingMembersPresent, int quorum, int agendaSize, Instant recordedAt, String recordedBy) {
}
