package org.alize.project.followup;

import java.time.Instant;
import java.time.LocalDate;

import org.alize.kernel.problem.InvalidInput;

/** A mandatary's follow-up report. */
public record FollowUpReport(String reportId, LocalDate reportedOn, Jobs jobsToDate, String progress, String difficulties,
        boolean newInterventionRequested, String interventionRequest, String author, Instant recordedAt, String recordedBy) {

    public FollowUpReport {
        if (reportedOn == null) {
            throw InvalidInput.field("reportedOn", "la date du compte rendu est obligatoire");
        }
        if (jobsToDate == null) {
            throw InvalidInput.field("jobsToDate", "les emplois créés à date sont obligatoires");
        }
        if (progress == null || progress.isBlank()) {
            throw InvalidInput.field("progress", "décrivez l'avancement du projet");
        }
        if (newInterventionRequested && (interventionRequest == null || interventionRequest.isBlank())) {
            throw InvalidInput.field("interventionRequest", "précisez l'intervention demandée au comité");
        }
    }
}
