package org.alize.basin.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The approval committee changed. Carries every membership and presidency with its dates, so a
 * consumer can tell who sat, voted and presided on any date (project-service checks session attendance
 * and quorum with it), and the quorum rule.
 *
 * @param quorumKind    {@code MAJORITY_OF_VOTING_MEMBERS} or {@code MINIMUM_PRESENT}
 * @param quorumMinimum the minimum for {@code MINIMUM_PRESENT}, absent otherwise
 * @param change        what changed: {@code APPOINTED}, {@code ENDED}, {@code PRESIDENT_ELECTED}, {@code QUORUM_SET}
 */
public record ApprovalCommitteeChanged(String basinId, List<Member> members, List<Presidency> presidencies,
        String quorumKind, Integer quorumMinimum, String change, Instant changedAt, String changedBy) {

    /** A membership; {@code until} absent while it runs. */
    public record Member(String membershipId, String personId, String name, String organisationId, String organisationKind,
            String seat, boolean voting, LocalDate from, LocalDate until) {
    }

    /** A presidency; {@code until} absent while it runs. */
    public record Presidency(String personId, String name, LocalDate from, LocalDate until) {
    }
}
