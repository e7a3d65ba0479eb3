package org.alize.project.project;

import java.time.LocalDate;
import java.util.List;

import org.alize.project.cooperation.CooperationConvention;
import org.alize.project.followup.FollowUpReport;
import org.alize.project.followup.SkillsMission;

/** A project as the API shows it: its file, where it stands, what may be done next, and its follow-up. */
public record ProjectView(String projectId, String reference, Company company, Head head, BeneficiaryType beneficiaryType,
        String prescriberId, String prescriberName, Needs needs, int forecastJobs, List<String> supportSchemeIds,
        ProjectStatus status, String statusLabel, List<String> allowedActions, Diagnosis preliminaryDiagnosis,
        Diagnosis complementaryDiagnosis, boolean complementaryDiagnosisRequested, List<Decision> decisions,
        String mandataryId, String mandataryName, CooperationConvention convention, List<SkillsMission> missions,
        List<FollowUpReport> reports, int jobsToDate, LocalDate nextReportDue, boolean reportOverdue, LocalDate submittedOn,
        Long version) {

    public static ProjectView of(Project p, LocalDate today) {
        int jobs = p.reports().stream().reduce((a, b) -> b).map(r -> r.jobsToDate().total()).orElse(0);
        return new ProjectView(p.id(), p.reference(), p.company(), p.head(), p.beneficiaryType(), p.prescriberId(),
                p.prescriberName(), p.needs(), p.forecastJobs(), p.supportSchemeIds(), p.status(), p.status().label(),
                p.status().allowedActions().stream().map(ProjectAction::path).toList(), p.preliminaryDiagnosis(),
                p.complementaryDiagnosis(), p.complementaryDiagnosisRequested(), p.decisions(), p.mandataryId(),
                p.mandataryName(), p.convention(), p.missions(), p.reports(), jobs, p.nextReportDue().orElse(null),
                p.isReportOverdue(today), p.submittedOn(), p.version());
    }
}
