package org.alize.project.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alize.project.cooperation.CooperationConvention;
import org.alize.project.events.CooperationConventionSigned;
import org.alize.project.events.FollowUpReportFiled;
import org.alize.project.events.Means;
import org.alize.project.events.ProjectDecided;
import org.alize.project.events.ProjectStatusChanged;
import org.alize.project.events.ProjectSubmitted;
import org.alize.project.events.SkillsDelivered;
import org.alize.project.followup.FollowUpReport;
import org.alize.project.followup.SkillsMission;

/**
 * The project's events as the {@code project-events} contract states them, made from the aggregate's state: the
 * mapping lives here, the decisions in {@link Project}.
 */
final class ProjectEvents {

    private ProjectEvents() {
    }

    static ProjectSubmitted submitted(String basin, Project project, Instant at, String by) {
        return new ProjectSubmitted(project.id(), project.reference(), basin, project.dossier().company().name(),
                project.dossier().company().siret(), project.dossier().company().nafCode(), project.dossier().beneficiaryType().name(),
                project.dossier().forecastJobs(), project.prescriber().personId(), project.dossier().supportSchemeIds(), project.submittedOn(), at, by);
    }

    static ProjectStatusChanged statusChanged(String basin, Project project, ProjectStatus from, ProjectAction action,
            String reason, LocalDate on, Instant at, String by) {
        return new ProjectStatusChanged(basin, project.id(), project.reference(), from.name(), project.status().name(),
                action.name(), reason, on, at, by);
    }

    /** A session's decision on the project, with the means granted when approved. */
    static ProjectDecided decided(String basin, Project project, Decision decision, Instant at, String by) {
        return new ProjectDecided(basin, project.id(), project.reference(), decision.sessionId(), decision.decidedOn(),
                decision.outcome().name(), decision.motivation(), project.dossier().forecastJobs(), decision.mandataryId(),
                decision.means() == null ? null : means(decision.means(), project.followUp().missions()),
                decision.complementaryDiagnosisRequested(), decision.voters(), decision.recusedPersonIds(), null, at, by,
                holder(project));
    }

    /** The SME's head as the decision's mail needs them, in clear here: {@link HeadEventSealer} seals them. */
    private static ProjectDecided.Holder holder(Project project) {
        Head head = project.dossier().head();
        if (project.headErasedAt() != null || head == null || head.email() == null || head.email().isBlank()) {
            return null;
        }
        return new ProjectDecided.Holder(head.firstName() + " " + head.lastName(), head.email());
    }

    /** A new intervention decided: {@code missions} are the ones it granted, if any. */
    static ProjectDecided interventionDecided(String basin, Project project, Decision decision, GrantedMeans means,
            List<SkillsMission> missions, Instant at, String by) {
        return new ProjectDecided(basin, project.id(), project.reference(), decision.sessionId(), decision.decidedOn(),
                decision.outcome().name(), decision.motivation(), project.dossier().forecastJobs(), project.mandate().id(),
                means == null ? null : means(means, missions), false, decision.voters(), decision.recusedPersonIds(),
                Boolean.TRUE, at, by, null);
    }

    static CooperationConventionSigned conventionSigned(String basin, Project project, GrantedMeans means, Instant at,
            String by) {
        CooperationConvention convention = project.convention();
        Means granted = means(means, project.followUp().missions());
        CooperationConventionSigned.AdvanceAnnex annex = means.advance() == null ? null
                : new CooperationConventionSigned.AdvanceAnnex(means.advance().amount(), means.advance().durationMonths(),
                        means.advance().graceMonths(), means.advance().frequency().name(), convention.schedule().stream()
                                .map(i -> new CooperationConventionSigned.Instalment(i.number(), i.dueOn(), i.amount())).toList());
        return new CooperationConventionSigned(basin, project.id(), project.reference(), convention.conventionId(),
                convention.signedOn(), project.dossier().company().name(), project.dossier().company().siret(), project.mandate().id(), annex,
                granted.subsidisedLoan(), granted.directFinancing(), granted.skillsMissions(), granted.inKind(),
                convention.signatures().stream().map(s -> new CooperationConventionSigned.Signatory(s.role().name(),
                        null, s.organisationId(), s.signedOn())).toList(), at, by);
    }

    /**
     * A convention signed before the platform, on paper, by the parties R-24 requires (the SME's head, the committee's
     * president, the mandatary) on its day; no means to carry (a past advance is finance's to take up).
     */
    static CooperationConventionSigned signedBefore(String basin, Project project, Instant at, String by) {
        CooperationConvention convention = project.convention();
        List<CooperationConventionSigned.Signatory> parties = List.of(
                new CooperationConventionSigned.Signatory("SME_HEAD", null, null, convention.signedOn()),
                new CooperationConventionSigned.Signatory("COMMITTEE_PRESIDENT", null, null, convention.signedOn()),
                new CooperationConventionSigned.Signatory("MANDATARY", null, null, convention.signedOn()));
        return new CooperationConventionSigned(basin, project.id(), project.reference(), convention.conventionId(),
                convention.signedOn(), project.dossier().company().name(), project.dossier().company().siret(),
                project.mandate().id(), null, null, null, List.of(), List.of(), parties, at, by);
    }

    static SkillsDelivered skillsDelivered(String basin, Project project, SkillsMission mission, LocalDate on, int days,
            Instant at, String by) {
        return new SkillsDelivered(basin, project.id(), mission.missionId(), mission.partnerId(), on, days,
                mission.dailyValue().multiply(BigDecimal.valueOf(days)), mission.daysDelivered(), mission.daysPlanned(), at, by);
    }

    static FollowUpReportFiled reportFiled(String basin, Project project, FollowUpReport report) {
        return new FollowUpReportFiled(basin, project.id(), report.reportId(), report.reportedOn(),
                new FollowUpReportFiled.Jobs(report.jobsToDate().permanent(), report.jobsToDate().fixedTerm(),
                        report.jobsToDate().fixedTermShort(), report.jobsToDate().apprenticeship(), report.jobsToDate().other(),
                        report.jobsToDate().total(), report.jobsToDate().lasting()),
                project.dossier().forecastJobs(), report.newInterventionRequested(), report.recordedAt(), report.recordedBy());
    }

    /** The means granted, each skills grant with the mission it opened. */
    static Means means(GrantedMeans means, List<SkillsMission> missions) {
        List<Means.SkillsMission> skills = new ArrayList<>();
        for (int i = 0; i < means.skills().size(); i++) {
            GrantedMeans.SkillsGrant s = means.skills().get(i);
            String missionId = i < missions.size() ? missions.get(i).missionId() : "msn-" + (i + 1);
            skills.add(new Means.SkillsMission(missionId, s.partnerId(), s.partnerName(), s.domain(), s.days(), s.dailyValue(),
                    s.value()));
        }
        return new Means(skills, means.inKind().stream().map(k -> new Means.InKind(k.description(), k.providerId(), k.value()))
                .toList(), means.advance() == null ? null : new Means.Advance(means.advance().amount(),
                means.advance().durationMonths(), means.advance().graceMonths(), means.advance().frequency().name()),
                means.loan() == null ? null : new Means.SubsidisedLoan(means.loan().lender(), means.loan().amount(),
                        means.loan().ratePercent(), means.loan().durationMonths()),
                means.directFinancing() == null ? null : new Means.DirectFinancing(means.directFinancing().funder(),
                        means.directFinancing().amount()));
    }
}
