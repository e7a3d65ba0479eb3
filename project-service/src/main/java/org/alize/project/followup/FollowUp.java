package org.alize.project.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;

/**
 * A project's follow-up once the committee has approved it: the skills missions granted, the mandatary's reports
 * and the request for a new intervention the latest may carry. The project holds it (stored within the
 * project's document, its fields flat) and adds the history and the events; nothing here knows the project.
 */
public final class FollowUp {

    private List<SkillsMission> missions = new ArrayList<>();
    private List<FollowUpReport> reports = new ArrayList<>();
    /** The report whose request for a new intervention no session has decided yet; {@code null} when none. */
    private String interventionRequest;

    public FollowUp() {
    }

    /** The missions of an approval, replacing any a former decision had granted. */
    public void grantOnApproval(List<SkillsMission> granted) {
        missions = new ArrayList<>(granted);
    }

    /**
     * A session decided on the pending request for a new intervention: {@code decided} unless postponed (the
     * request then stays open), with the missions it {@code granted}.
     */
    public void interventionDecided(boolean decided, List<SkillsMission> granted) {
        missions.addAll(granted);
        if (decided) {
            interventionRequest = null;
        }
    }

    /** Records days delivered on a mission, within the days granted; the mission as it now stands. */
    public SkillsMission deliver(String missionId, LocalDate on, int days, String note, LocalDate conventionSignedOn,
            LocalDate today, Instant at, String by) {
        SkillsMission mission = missions.stream().filter(m -> m.missionId().equals(missionId)).findFirst()
                .orElseThrow(() -> new NotFound("mission.not-found", "Aucune mission « " + missionId + " » pour ce projet."));
        SkillsMission updated = mission.deliver(on, days, note, conventionSignedOn, today, at, by);
        missions.set(missions.indexOf(mission), updated);
        return updated;
    }

    /** Files a mandatary's report: dated between the convention's signature and today. */
    public void file(FollowUpReport report, LocalDate conventionSignedOn, LocalDate today) {
        if (report.reportedOn().isAfter(today) || report.reportedOn().isBefore(conventionSignedOn)) {
            throw InvalidInput.field("reportedOn", "la date suit la signature de la convention et n'est pas future");
        }
        reports.add(report);
        if (report.newInterventionRequested()) {
            interventionRequest = report.reportId();
        }
    }

    /** Whether a report asks for a new intervention no session has decided yet. */
    public boolean interventionPending() {
        return interventionRequest != null;
    }

    /** When the next report is due. */
    public LocalDate nextReportDue(LocalDate conventionSignedOn) {
        return ReportCadence.nextDue(conventionSignedOn, reports);
    }

    /** Refuses a closure on {@code on} that R-25 does not allow yet. */
    public void requireClosable(LocalDate conventionSignedOn, LocalDate on) {
        ReportCadence.requireClosable(conventionSignedOn, reports, on);
    }

    public List<SkillsMission> missions() {
        return List.copyOf(missions);
    }

    public List<FollowUpReport> reports() {
        return List.copyOf(reports);
    }
}
