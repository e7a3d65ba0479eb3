package org.alize.project.events;

import java.time.Instant;
import java.time.LocalDate;

/** The mandatary filed a follow-up report: jobs created to date by contract kind, and whether the SME needs a new intervention. */
public record FollowUpReportFiled(String basinId, String projectId, String reportId, LocalDate reportedOn, Jobs jobsToDate,
        int forecastJobs, boolean newInterventionRequested, Instant recordedAt, String recordedBy) {

    /**
     * Jobs created since the convention, by contract kind: {@code fixedTerm} are CDD of six months or
     * more, {@code fixedTermShort} the shorter ones; {@code lasting} (« emplois durables ») = CDI + CDD of six
     * months or more. Events filed before the split carry neither of the two last (read as 0).
     */
    public record Jobs(int permanent, int fixedTerm, int fixedTermShort, int apprenticeship, int other, int total,
            int lasting) {
    }
}
