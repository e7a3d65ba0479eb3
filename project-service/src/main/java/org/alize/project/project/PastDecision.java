package org.alize.project.project;

import java.time.LocalDate;

import org.alize.kernel.ProgrammeReferences;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.project.followup.Jobs;

/**
 * What a basin's records say of a project decided before the platform: the committee's decision, read from its
 * minutes, and for an approval the convention's signature and how the follow-up ended.
 *
 * @param minutes     the minutes the decision is read from (« PV du comité d'agrément du 12/03/2019 »)
 * @param signedOn    for an approval, the day the cooperation convention was signed
 * @param end         how the follow-up ended, null while the project is still followed
 * @param endedOn     the day it ended
 * @param endReason   why it ended, required for an abandonment
 * @param jobs        the jobs the SME created by the end, as the last report counted them, if known
 */
public record PastDecision(LocalDate decidedOn, Decision.Outcome outcome, String motivation, String minutes,
        String mandataryId, String mandataryName, LocalDate signedOn, End end, LocalDate endedOn, String endReason,
        Jobs jobs) {

    /** The earliest day a past decision may carry: ALIZÉ's first basins date from the late 1990s. */
    public static final LocalDate EARLIEST = LocalDate.of(1995, 1, 1);

    public enum End {
        /** The follow-up ran its course, at least 18 months after the signature. */
        CLOSED,
        /** The project was abandoned (the SME closed, the holder gave up). */
        ABANDONED
    }

    /** Refuses what cannot have happened, on {@code submittedOn} and before {@code today}, in the programme's order. */
    void check(LocalDate submittedOn, LocalDate today) {
        if (submittedOn == null || submittedOn.isBefore(EARLIEST) || submittedOn.isAfter(today)) {
            throw InvalidInput.field("submittedOn", "la date de dépôt est obligatoire, entre le " + EARLIEST
                    + " et aujourd'hui");
        }
        if (decidedOn == null || decidedOn.isBefore(submittedOn) || decidedOn.isAfter(today)) {
            throw InvalidInput.field("decidedOn", "la date de décision suit le dépôt et n'est pas future");
        }
        if (outcome == null || outcome == Decision.Outcome.POSTPONED) {
            throw InvalidInput.field("outcome", "agréé ou refusé : un projet ajourné est encore en cours, saisissez-le "
                    + "dans la plateforme");
        }
        if (motivation == null || motivation.isBlank()) {
            throw new RuleViolation("R-23", "Chaque décision du comité est motivée : reprenez la motivation du procès-verbal.");
        }
        if (minutes == null || minutes.isBlank()) {
            throw InvalidInput.field("minutes", "le procès-verbal d'où la décision est reprise est obligatoire");
        }
        if (outcome == Decision.Outcome.REJECTED) {
            if (mandataryId != null || signedOn != null || end != null || endedOn != null || jobs != null) {
                throw InvalidInput.field("outcome", "un projet refusé n'a ni mandataire, ni convention, ni suivi");
            }
            return;
        }
        if (mandataryId == null) {
            throw new RuleViolation("R-25", "Un projet agréé a un mandataire, membre d'une entreprise partenaire, qui le suit.");
        }
        if (signedOn == null) {
            throw InvalidInput.field("signedOn", "un projet agréé dont la convention n'est pas signée attend encore ses "
                    + "signatures : saisissez-le dans la plateforme");
        }
        if (signedOn.isBefore(decidedOn) || signedOn.isAfter(today)) {
            throw InvalidInput.field("signedOn", "la signature de la convention suit l'agrément et n'est pas future");
        }
        if ((end == null) != (endedOn == null)) {
            throw InvalidInput.field("endedOn", "la fin du suivi et sa date vont ensemble");
        }
        if (end == null) {
            if (jobs != null) {
                throw InvalidInput.field("jobs", "les emplois d'un projet encore suivi se déclarent par le compte rendu de "
                        + "suivi du mandataire");
            }
            return;
        }
        if (endedOn.isBefore(signedOn) || endedOn.isAfter(today)) {
            throw InvalidInput.field("endedOn", "la fin du suivi suit la signature et n'est pas future");
        }
        LocalDate earliest = signedOn.plusMonths(ProgrammeReferences.R25_MINIMUM_FOLLOW_UP_MONTHS);
        if (end == End.CLOSED && endedOn.isBefore(earliest)) {
            throw new RuleViolation("R-25", "Le mandataire suit le projet au moins "
                    + ProgrammeReferences.R25_MINIMUM_FOLLOW_UP_MONTHS + " mois après la signature (" + signedOn
                    + ") : clôture possible à partir du " + earliest + " ; avant, le projet a été abandonné.");
        }
        if (end == End.ABANDONED && (endReason == null || endReason.isBlank())) {
            throw InvalidInput.field("endReason", "le motif de l'abandon est obligatoire");
        }
    }
}
