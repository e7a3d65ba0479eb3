package org.alize.project.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alize.kernel.ProgrammeReferences;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.kernel.problem.RuleViolation;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.project.cooperation.CooperationConvention;
import org.alize.project.cooperation.Instalment;
import org.alize.project.cooperation.RepaymentCalendar;
import org.alize.project.cooperation.RequiredSignature;
import org.alize.project.followup.FollowUpReport;
import org.alize.project.followup.ReportCadence;
import org.alize.project.followup.SkillsMission;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.Ids;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A project of the basin; see the package documentation. */
@Document("projects")
public class Project extends AggregateRoot {

    @Id
    private final String id;
    @Indexed
    private final String reference;
    private Company company;
    private Head head;
    private BeneficiaryType beneficiaryType;
    private final String prescriberId;
    private final String prescriberName;
    private Needs needs;
    private int forecastJobs;
    private List<String> supportSchemeIds;
    @Indexed
    private ProjectStatus status;
    private Diagnosis preliminaryDiagnosis;
    private Diagnosis complementaryDiagnosis;
    private boolean complementaryDiagnosisRequested;
    private final List<Decision> decisions;
    @Indexed
    private String mandataryId;
    private String mandataryName;
    /** The report whose request for a new intervention no session has decided yet; {@code null} when none. */
    private String interventionRequest;
    /** The partner organisation that brought the project: the prescriber's, when it was submitted. */
    private String sourceOrganisationId;
    private CooperationConvention convention;
    private List<SkillsMission> missions;
    private final List<FollowUpReport> reports;
    private final LocalDate submittedOn;
    private final List<Transition> history;

    @PersistenceCreator
    Project(String id, String reference, Company company, Head head, BeneficiaryType beneficiaryType, String prescriberId,
            String prescriberName, Needs needs, int forecastJobs, List<String> supportSchemeIds, ProjectStatus status,
            Diagnosis preliminaryDiagnosis, Diagnosis complementaryDiagnosis, boolean complementaryDiagnosisRequested,
            List<Decision> decisions, String mandataryId, String mandataryName, CooperationConvention convention,
            List<SkillsMission> missions, List<FollowUpReport> reports, LocalDate submittedOn, List<Transition> history) {
        this.id = id;
        this.reference = reference;
        this.company = company;
        this.head = head;
        this.beneficiaryType = beneficiaryType;
        this.prescriberId = prescriberId;
        this.prescriberName = prescriberName;
        this.needs = needs;
        this.forecastJobs = forecastJobs;
        this.supportSchemeIds = supportSchemeIds == null ? List.of() : List.copyOf(supportSchemeIds);
        this.status = status;
        this.preliminaryDiagnosis = preliminaryDiagnosis;
        this.complementaryDiagnosis = complementaryDiagnosis;
        this.complementaryDiagnosisRequested = complementaryDiagnosisRequested;
        this.decisions = decisions == null ? new ArrayList<>() : new ArrayList<>(decisions);
        this.mandataryId = mandataryId;
        this.mandataryName = mandataryName;
        this.convention = convention;
        this.missions = missions == null ? new ArrayList<>() : new ArrayList<>(missions);
        this.reports = reports == null ? new ArrayList<>() : new ArrayList<>(reports);
        this.submittedOn = submittedOn;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    /** A project as submitted: the start of its life, before any diagnosis or decision. */
    private Project(String id, String reference, Submission s, String prescriberId, String prescriberName, LocalDate on) {
        this.id = id;
        this.reference = reference;
        this.prescriberId = prescriberId;
        this.prescriberName = prescriberName;
        this.submittedOn = on;
        this.status = ProjectStatus.SUBMITTED;
        this.decisions = new ArrayList<>();
        this.missions = new ArrayList<>();
        this.reports = new ArrayList<>();
        this.history = new ArrayList<>();
        takeSubmission(s);
    }

    public static Project submit(BasinId basin, String id, String reference, Submission s, String prescriberId, String prescriberName,
            LocalDate on, Instant at, String by) {
        s.check(on);
        Project project = new Project(id, reference, s, prescriberId, prescriberName, on);
        project.belongsTo(basin);
        project.history.add(new Transition(null, null, ProjectStatus.SUBMITTED, on, null, at, by));
        project.raise(ProjectEvents.submitted(basin.value(), project, at, by));
        return project;
    }

    /** Records the partner that brought the project, the prescriber's organisation at submission. */
    public void broughtBy(String organisationId) {
        this.sourceOrganisationId = organisationId;
    }

    public String sourceOrganisationId() {
        return sourceOrganisationId;
    }

    /** The latest day the mandatary's support is expected to end: 24 months after signing (R-29: 18 to 24 months). */
    public Optional<LocalDate> followUpDueBy() {
        return convention == null || convention.signedOn() == null ? Optional.empty()
                : Optional.of(convention.signedOn().plusMonths(ProgrammeReferences.R25_MAXIMUM_FOLLOW_UP_MONTHS));
    }

    /** Whether the project is still followed beyond the 24 months of the programme's support window. */
    public boolean followUpOverrun(LocalDate today) {
        return status == ProjectStatus.IN_FOLLOW_UP && followUpDueBy().filter(today::isAfter).isPresent();
    }

    /** Corrects what was submitted, while the project has not gone before the committee. */
    public void amend(Submission s, Instant at, String by) {
        if (status != ProjectStatus.SUBMITTED && status != ProjectStatus.IN_DIAGNOSIS) {
            throw new Conflict("project.frozen", "Le dossier du projet " + reference + " n'est plus modifiable : il est "
                    + status.label() + ".");
        }
        s.check(null);
        takeSubmission(s);
        history.add(new Transition(null, status, status, null, "dossier modifié", at, by));
    }

    private void takeSubmission(Submission s) {
        this.company = s.company();
        this.head = s.head();
        this.beneficiaryType = s.beneficiaryType();
        this.needs = s.needs();
        this.forecastJobs = s.forecastJobs();
        this.supportSchemeIds = s.supportSchemeIds();
    }

    public void startDiagnosis(LocalDate on, Instant at, String by) {
        move(ProjectAction.START_DIAGNOSIS, ProjectStatus.IN_DIAGNOSIS, on, null, at, by);
    }

    /**
     * Records a diagnosis: the preliminary one is the prescriber's, with the selection scores of R-21;
     * a complementary one is a named business professional's.
     */
    public void recordDiagnosis(Diagnosis diagnosis, Instant at, String by) {
        require(ProjectAction.RECORD_DIAGNOSIS);
        if (diagnosis.kind() == Diagnosis.Kind.PRELIMINARY) {
            if (!prescriberId.equals(diagnosis.authorPersonId())) {
                throw new RuleViolation("R-22", "Le diagnostic préalable est celui du prescripteur, " + prescriberName + ".");
            }
            this.preliminaryDiagnosis = diagnosis;
        } else {
            this.complementaryDiagnosis = diagnosis;
            this.complementaryDiagnosisRequested = false;
        }
        history.add(new Transition(ProjectAction.RECORD_DIAGNOSIS, status, status, diagnosis.writtenOn(),
                diagnosis.kind() == Diagnosis.Kind.PRELIMINARY ? "diagnostic préalable" : "diagnostic complémentaire de "
                        + diagnosis.author(), at, by));
    }

    /** The project can go on a session's agenda once its preliminary diagnosis, and any requested complementary one, exist. */
    public void markReady(LocalDate on, Instant at, String by) {
        require(ProjectAction.MARK_READY);
        if (preliminaryDiagnosis == null) {
            throw new RuleViolation("R-22", "Le diagnostic préalable du prescripteur doit être disponible avant que le projet "
                    + "aille en comité.");
        }
        if (complementaryDiagnosisRequested) {
            throw new RuleViolation("R-22", "Le comité a demandé un diagnostic complémentaire : enregistrez-le d'abord.");
        }
        move(ProjectAction.MARK_READY, ProjectStatus.READY_FOR_COMMITTEE, on, null, at, by);
    }

    /** Who will sign the convention besides the SME's head and the mandatary, as the service found them on the decision date. */
    public record Parties(String presidentId, String presidentName, String presidentOrganisationId, String operatorOrganisationId,
            String operatorName) {
    }

    /** Records the committee's decision at a session; the session has checked quorum and recusals. */
    public void decide(Decision decision, Parties parties, Instant at, String by) {
        require(ProjectAction.DECIDE);
        if (decision.motivation() == null || decision.motivation().isBlank()) {
            throw InvalidInput.field("motivation", "chaque décision est motivée");
        }
        ProjectStatus to = switch (decision.outcome()) {
            case APPROVED -> approve(decision, parties);
            case REJECTED -> ProjectStatus.REJECTED;
            case POSTPONED -> {
                complementaryDiagnosisRequested = decision.complementaryDiagnosisRequested();
                yield ProjectStatus.IN_DIAGNOSIS;
            }
        };
        decisions.add(decision);
        raise(ProjectEvents.decided(basin().value(), this, decision, at, by));
        move(ProjectAction.DECIDE, to, decision.decidedOn(), decision.motivation(), at, by);
    }

    /**
     * Whether the mandatary's latest report asks the committee for a new intervention that no session has
     * decided since: the project, though in follow-up, may then go back on an agenda.
     */
    public boolean interventionRequested() {
        return interventionRequest != null
                && (status == ProjectStatus.IN_FOLLOW_UP || status == ProjectStatus.CONVENTION_SIGNED);
    }

    /**
     * Decides a new intervention the mandatary asked for: approved, it adds skills missions or help in kind
     * to the project followed, whose convention, advance and mandatary stay as they are; a new advance goes through a
     * new project. Postponed, the request stays open.
     */
    public void decideIntervention(Decision decision, Instant at, String by) {
        if (!interventionRequested()) {
            throw new Conflict("project.no-intervention", "Aucune nouvelle intervention n'est demandée pour ce projet.");
        }
        if (decision.motivation() == null || decision.motivation().isBlank()) {
            throw InvalidInput.field("motivation", "chaque décision est motivée");
        }
        GrantedMeans means = decision.outcome() == Decision.Outcome.APPROVED ? decision.means() : null;
        if (decision.outcome() == Decision.Outcome.APPROVED) {
            GrantedMeans.requireForIntervention(means);
            means.skills().forEach(s -> missions.add(SkillsMission.granted(Ids.next("msn"), s.partnerId(), s.partnerName(),
                    s.domain(), s.days(), s.dailyValue())));
        }
        Decision recorded = new Decision(decision.sessionId(), decision.decidedOn(), decision.outcome(), decision.motivation(),
                means, mandataryId, mandataryName, false, decision.voters(), decision.recusedPersonIds(),
                decision.flaggedPersonIds(), true);
        decisions.add(recorded);
        if (decision.outcome() != Decision.Outcome.POSTPONED) {
            interventionRequest = null;
        }
        history.add(new Transition(ProjectAction.DECIDE, status, status, decision.decidedOn(), "nouvelle intervention : "
                + decision.outcome().name().toLowerCase(java.util.Locale.ROOT) + " — " + decision.motivation(), at, by));
        raise(ProjectEvents.interventionDecided(basin().value(), this, decision, means, means == null ? List.of()
                : missions.subList(missions.size() - means.skills().size(), missions.size()), at, by));
    }

    private ProjectStatus approve(Decision decision, Parties parties) {
        GrantedMeans means = decision.means();
        if (means == null || means.isEmpty()) {
            throw new RuleViolation("R-26", "Un agrément précise les moyens accordés : compétences, apports en nature, avance "
                    + "remboursable, prêt bonifié ou financement direct.");
        }
        if (decision.mandataryId() == null) {
            throw new RuleViolation("R-25", "Un projet agréé est suivi par un mandataire, membre du comité : désignez-le.");
        }
        List<RequiredSignature> signatories = Signatories.forApproval(head, decision, parties);
        this.mandataryId = decision.mandataryId();
        this.mandataryName = decision.mandataryName();
        this.missions = new ArrayList<>(means.skills().stream().map(s -> SkillsMission.granted(Ids.next("msn"), s.partnerId(),
                s.partnerName(), s.domain(), s.days(), s.dailyValue())).toList());
        this.convention = CooperationConvention.prepare("cc-" + reference, decision.decidedOn(), signatories);
        return ProjectStatus.APPROVED;
    }

    /** Records one signature of the convention; with the last, the convention is signed and support starts. */
    public void sign(String key, String signatory, LocalDate signedOn, LocalDate today, Instant at, String by) {
        require(ProjectAction.SIGN_CONVENTION);
        convention = convention.sign(key, signatory, signedOn, today, at, by);
        history.add(new Transition(ProjectAction.SIGN_CONVENTION, status, status, signedOn,
                "signature : " + convention.lastSignature().role().label(), at, by));
        if (convention.missing().isEmpty()) {
            GrantedMeans means = approval().means();
            GrantedMeans.AdvanceTerms advance = means.advance();
            convention = convention.complete(on -> advance == null ? List.of() : RepaymentCalendar.of(advance.amount(),
                    advance.instalments(), advance.graceMonths(), advance.frequency().months(), on));
            raise(ProjectEvents.conventionSigned(basin().value(), this, means, at, by));
            move(ProjectAction.SIGN_CONVENTION, ProjectStatus.CONVENTION_SIGNED, convention.signedOn(), null, at, by);
        }
    }

    public void startFollowUp(LocalDate on, Instant at, String by) {
        if (on != null && convention != null && on.isBefore(convention.signedOn())) {
            throw InvalidInput.field("on", "le suivi commence après la signature de la convention");
        }
        move(ProjectAction.START_FOLLOW_UP, ProjectStatus.IN_FOLLOW_UP, on, null, at, by);
    }

    /** Records days delivered on a skills mission, once support has started, within the days granted. */
    public void deliverSkills(String missionId, LocalDate on, int days, String note, LocalDate today, Instant at, String by) {
        require(ProjectAction.REPORT);
        SkillsMission mission = missions.stream().filter(m -> m.missionId().equals(missionId)).findFirst()
                .orElseThrow(() -> new NotFound("mission.not-found", "Aucune mission « " + missionId + " » pour ce projet."));
        SkillsMission updated = mission.deliver(on, days, note, convention.signedOn(), today, at, by);
        missions.set(missions.indexOf(mission), updated);
        history.add(new Transition(ProjectAction.REPORT, status, status, on, days + " jour(s) de " + mission.domain()
                + " par " + mission.partnerName(), at, by));
        raise(ProjectEvents.skillsDelivered(basin().value(), this, updated, on, days, at, by));
    }

    /**
     * Who may file a follow-up report: the project's mandatary, or the operator on their behalf; another
     * member of the committee may not.
     *
     * @param operator whether the caller is the basin's operator
     * @param personId the caller's person in the basin's register, if known
     */
    public void requireReporter(boolean operator, String personId) {
        if (!operator && (personId == null || !personId.equals(mandataryId))) {
            throw new RuleViolation("R-25", "Seul le mandataire du projet" + (mandataryName == null ? "" : " (" + mandataryName + ")")
                    + ", ou l'opérateur pour lui, dépose ses comptes rendus de suivi.");
        }
    }

    /**
     * Replaces the mandatary who follows the project: a member of the committee on {@code on}; the former one
     * stays in the history, with the reason.
     */
    public void replaceMandatary(String personId, String personName, LocalDate on, String reason, LocalDate today, Instant at,
            String by) {
        require(ProjectAction.REPLACE_MANDATARY);
        if (on == null || on.isAfter(today)) {
            throw InvalidInput.field("on", "la date est obligatoire et ne peut être future");
        }
        if (personId.equals(mandataryId)) {
            throw new Conflict("project.same-mandatary", "Cette personne est déjà le mandataire du projet.");
        }
        history.add(new Transition(ProjectAction.REPLACE_MANDATARY, status, status, on, "mandataire remplacé : "
                + (mandataryName == null ? mandataryId : mandataryName) + " → " + personName + " (" + requireReason(reason) + ")",
                at, by));
        this.mandataryId = personId;
        this.mandataryName = personName;
    }

    /** Files a mandatary's follow-up report. */
    public void fileReport(FollowUpReport report, LocalDate today) {
        require(ProjectAction.REPORT);
        if (report.reportedOn().isAfter(today) || report.reportedOn().isBefore(convention.signedOn())) {
            throw InvalidInput.field("reportedOn", "la date suit la signature de la convention et n'est pas future");
        }
        reports.add(report);
        if (report.newInterventionRequested()) {
            interventionRequest = report.reportId();
        }
        history.add(new Transition(ProjectAction.REPORT, status, status, report.reportedOn(), "compte rendu de suivi : "
                + report.jobsToDate().total() + " emploi(s) dont " + report.jobsToDate().lasting() + " durable(s)", report.recordedAt(), report.recordedBy()));
        raise(ProjectEvents.reportFiled(basin().value(), this, report));
    }

    /** Closes a followed project, not before 18 months after its convention was signed. */
    public void close(LocalDate on, String reason, Instant at, String by) {
        require(ProjectAction.CLOSE);
        ReportCadence.requireClosable(convention.signedOn(), reports, on);
        move(ProjectAction.CLOSE, ProjectStatus.CLOSED, on, reason, at, by);
    }

    public void abandon(LocalDate on, String reason, Instant at, String by) {
        move(ProjectAction.ABANDON, ProjectStatus.ABANDONED, on, requireReason(reason), at, by);
    }

    /** The holder withdraws the project, at any open step. */
    public void withdraw(LocalDate on, String reason, Instant at, String by) {
        move(ProjectAction.WITHDRAW, ProjectStatus.WITHDRAWN, on, requireReason(reason), at, by);
    }

    /** The date the next follow-up report is expected, once support has started. */
    public Optional<LocalDate> nextReportDue() {
        if (status != ProjectStatus.CONVENTION_SIGNED && status != ProjectStatus.IN_FOLLOW_UP) {
            return Optional.empty();
        }
        return Optional.of(ReportCadence.nextDue(convention.signedOn(), reports));
    }

    public boolean isReportOverdue(LocalDate today) {
        return nextReportDue().map(today::isAfter).orElse(false);
    }

    public Decision approval() {
        return decisions.stream().filter(d -> d.outcome() == Decision.Outcome.APPROVED && !d.newIntervention()).reduce((a, b) -> b)
                .orElseThrow();
    }

    private void require(ProjectAction action) {
        if (!action.allowedFrom().contains(status)) {
            throw new Conflict("project.transition", "Impossible de " + action.verb() + " ce projet : il est " + status.label()
                    + ".", status.allowedActions().stream().map(ProjectAction::path).toList());
        }
    }

    private void move(ProjectAction action, ProjectStatus to, LocalDate on, String reason, Instant at, String by) {
        require(action);
        if (on == null) {
            throw InvalidInput.field("on", "la date est obligatoire");
        }
        ProjectStatus from = status;
        status = to;
        history.add(new Transition(action, from, to, on, reason, at, by));
        raise(ProjectEvents.statusChanged(basin().value(), this, from, action, reason, on, at, by));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.field("reason", "le motif est obligatoire");
        }
        return reason.strip();
    }

    public String id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public Company company() {
        return company;
    }

    public Head head() {
        return head;
    }

    public BeneficiaryType beneficiaryType() {
        return beneficiaryType;
    }

    public String prescriberId() {
        return prescriberId;
    }

    public String prescriberName() {
        return prescriberName;
    }

    public Needs needs() {
        return needs;
    }

    public int forecastJobs() {
        return forecastJobs;
    }

    public List<String> supportSchemeIds() {
        return supportSchemeIds;
    }

    public ProjectStatus status() {
        return status;
    }

    public Diagnosis preliminaryDiagnosis() {
        return preliminaryDiagnosis;
    }

    public Diagnosis complementaryDiagnosis() {
        return complementaryDiagnosis;
    }

    public boolean complementaryDiagnosisRequested() {
        return complementaryDiagnosisRequested;
    }

    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    public String mandataryId() {
        return mandataryId;
    }

    public String mandataryName() {
        return mandataryName;
    }

    public CooperationConvention convention() {
        return convention;
    }

    public List<SkillsMission> missions() {
        return List.copyOf(missions);
    }

    public List<FollowUpReport> reports() {
        return List.copyOf(reports);
    }

    public LocalDate submittedOn() {
        return submittedOn;
    }

    public List<Transition> history() {
        return List.copyOf(history);
    }

    public List<Instalment> repaymentCalendar() {
        return convention == null ? List.of() : convention.schedule();
    }
}
