package org.alize.project.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The operator convened the approval committee's members to a scheduled session: its date, place and agenda, each
 * project with its preliminary diagnosis (R-22: available to every member before the session). Published again, with
 * the next {@code convocation} number, when the agenda changed after a first convocation. No person's name travels:
 * the prescriber is named by id, the diagnosis by its author's organisation; texts are cut to a few hundred words
 * (the full diagnosis is on the project's page).
 *
 * @param convocation 1 for the first convocation of the session, 2 for the next, …
 */
public record CommitteeSessionConvened(String basinId, String sessionId, int number, LocalDate scheduledOn, String location,
        int convocation, List<Item> agenda, Instant convenedAt, String convenedBy) {

    /** A project on the agenda. */
    public record Item(String projectId, String reference, String companyName, String prescriberId, Diagnosis diagnosis) {
    }

    /**
     * The project's preliminary diagnosis, as the members read it before the session.
     *
     * @param summary        at most {@value #SUMMARY_MAX} characters (cut, with « … », when longer)
     * @param recommendation at most {@value #RECOMMENDATION_MAX} characters
     */
    public record Diagnosis(LocalDate writtenOn, String authorOrganisation, String summary, String recommendation,
            Integer quality, Integer holderCapacity, Integer territorialImpact) {

        public static final int SUMMARY_MAX = 1500;
        public static final int RECOMMENDATION_MAX = 500;
    }
}
