package org.alize.project.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The approval committee decided on a project at a session: approved with the means granted
 * and its mandatary, rejected, or postponed (back to diagnosis).
 *
 * @param outcome                   {@code APPROVED}, {@code REJECTED} or {@code POSTPONED}
 * @param means                     for an approval; {@code null} otherwise
 * @param complementaryDiagnosisRequested for a postponement awaiting a complementary diagnosis
 * @param voters                    how many members voted on it
 * @param recusedPersonIds          members who did not vote on it (conflict of interest)
 * @param newIntervention           {@code true} for a new intervention the mandatary asked for on a project already
 *                                  followed: its means count, the project is not approved a second time;
 *                                  absent from events published before it existed
 * @param holder                    the SME's head, so that they are told the decision: their name and address sealed
 *                                  with the head's own key ({@code <basin>/head-<projectId>}), destroyed when the head is
 *                                  erased; null for a new intervention, once the head was erased, and in events
 *                                  published before it existed
 */
public record ProjectDecided(String basinId, String projectId, String reference, String sessionId, LocalDate decidedOn,
        String outcome, String motivation, int forecastJobs, String mandataryId, Means means,
        boolean complementaryDiagnosisRequested, int voters, List<String> recusedPersonIds, Boolean newIntervention,
        Instant decidedAt, String decidedBy, Holder holder) {

    /** The key under which a project's head's personal data is sealed: their own, not a person's of the register. */
    public static String holderKey(String projectId) {
        return "head-" + projectId;
    }

    /** The SME's head as the decision's mail needs them; both values sealed ({@code pd1:…}). */
    public record Holder(String name, String email) {
    }
}
