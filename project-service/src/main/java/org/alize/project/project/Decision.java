package org.alize.project.project;

import java.time.LocalDate;
import java.util.List;

import org.alize.kernel.problem.InvalidInput;

/**
 * The committee's decision on the project at a session: approved with its means and
 * mandatary, rejected with a reason, or postponed (maybe awaiting a complementary diagnosis).
 */
public record Decision(String sessionId, LocalDate decidedOn, Outcome outcome, String motivation, GrantedMeans means,
        String mandataryId, String mandataryName, boolean complementaryDiagnosisRequested, int voters,
        List<String> recusedPersonIds, List<String> flaggedPersonIds, boolean newIntervention) {

    /**
     * @param flaggedPersonIds members whose company gives skills or help in kind, pointed out to the president
     * @param newIntervention  a decision on a new intervention the mandatary asked for on a project already followed
     *                         not the project's approval
     */
    public Decision {
        recusedPersonIds = recusedPersonIds == null ? List.of() : List.copyOf(recusedPersonIds);
        flaggedPersonIds = flaggedPersonIds == null ? List.of() : List.copyOf(flaggedPersonIds);
    }

    /** A decision on the project itself, as the agenda of a session brings it. */
    public Decision(String sessionId, LocalDate decidedOn, Outcome outcome, String motivation, GrantedMeans means,
            String mandataryId, String mandataryName, boolean complementaryDiagnosisRequested, int voters,
            List<String> recusedPersonIds, List<String> flaggedPersonIds) {
        this(sessionId, decidedOn, outcome, motivation, means, mandataryId, mandataryName, complementaryDiagnosisRequested,
                voters, recusedPersonIds, flaggedPersonIds, false);
    }

    /** Refuses a decision without its motivation: every decision of the committee is motivated. */
    void requireMotivation() {
        if (motivation == null || motivation.isBlank()) {
            throw InvalidInput.field("motivation", "chaque décision est motivée");
        }
    }

    /** This decision as recorded on a project already followed: a new intervention, with its means, same mandatary. */
    Decision asIntervention(GrantedMeans granted, String mandatary, String mandataryNamed) {
        return new Decision(sessionId, decidedOn, outcome, motivation, granted, mandatary, mandataryNamed, false, voters,
                recusedPersonIds, flaggedPersonIds, true);
    }

    public enum Outcome {
        APPROVED, REJECTED, POSTPONED
    }
}
