package org.alize.project.project;

import java.time.LocalDate;
import java.util.List;

import org.alize.project.cooperation.CooperationConvention;
import org.alize.project.followup.FollowUpReport;
import org.alize.project.followup.SkillsMission;

/**
 * A project as the API shows it: its file, where it stands, what may be done next, and its follow-up.
 *
 * @param sourceOrganisationId the partner that brought it, the prescriber's organisation
 * @param companyAgeYears      the SME's age when the project was submitted, if its creation date is known
 * @param inTargetPublic       whether it was then among the programme's public, SMEs of more than three years
 * @param followUpDueBy        24 months after signing, the end of the programme's support window
 * @param followUpOverrun      still followed past that date
 * @param formerReference      for a project taken up from the basin's records, its reference there; else null
 */
public record ProjectView(String projectId, String reference, Company company, Head head, BeneficiaryType beneficiaryType,
        String prescriberId, String prescriberName, Needs needs, int forecastJobs, List<String> supportSchemeIds,
        ProjectStatus status, String statusLabel, List<String> allowedActions, Diagnosis preliminaryDiagnosis,
        Diagnosis complementaryDiagnosis, boolean complementaryDiagnosisRequested, List<Decision> decisions,
        String mandataryId, String mandataryName, CooperationConvention convention, List<SkillsMission> missions,
        List<FollowUpReport> reports, int jobsToDate, LocalDate nextReportDue, boolean reportOverdue, LocalDate submittedOn,
        String sourceOrganisationId, Integer companyAgeYears, Boolean inTargetPublic, LocalDate followUpDueBy,
        boolean followUpOverrun, Long version, String formerReference) {

    public static ProjectView of(Project p, LocalDate today) {
        int jobs = p.followUp().reports().stream().reduce((a, b) -> b).map(r -> r.jobsToDate().total()).orElse(0);
        return new ProjectView(p.id(), p.reference(), p.dossier().company(), p.dossier().head(), p.dossier().beneficiaryType(), p.prescriber().personId(),
                p.prescriber().name(), p.dossier().needs(), p.dossier().forecastJobs(), p.dossier().supportSchemeIds(), p.status(), p.status().label(),
                p.status().allowedActions().stream().map(ProjectAction::path).toList(), p.diagnoses().preliminary(),
                p.diagnoses().complementary(), p.diagnoses().complementaryRequested(), p.decisions().all(), p.mandate().id(),
                p.mandate().name(), p.convention(), p.followUp().missions(), p.followUp().reports(), jobs, p.nextReportDue().orElse(null),
                p.isReportOverdue(today), p.submittedOn(), p.prescriber().organisationId(), p.dossier().company().ageOn(p.submittedOn()).orElse(null),
                p.dossier().company().inTargetPublicOn(p.submittedOn()).orElse(null), p.followUpDueBy().orElse(null),
                p.followUpOverrun(today), p.version(), p.formerReference());
    }
}
