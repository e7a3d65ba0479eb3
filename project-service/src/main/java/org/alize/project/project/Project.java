package org.alize.project.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.project.cooperation.CooperationConvention;
import org.alize.project.cooperation.RequiredSignature;
import org.alize.project.followup.FollowUpReport;
import org.alize.project.followup.FollowUp;
import org.alize.project.followup.SkillsMission;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.Ids;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/** A project of the basin; see the package documentation. */
@Document("projects")
public class Project extends AggregateRoot {

    @Id
    private String id;
    @Indexed
    private String reference;
    /**
     * For a project of the past taken up from the basin's records: its reference there, the key by which importing the
     * same records again finds it (unique in the basin); null for the platform's own projects.
     */
    @Indexed(unique = true, sparse = true)
    private String formerReference;
    /** What was submitted, as corrected until the committee: the SME, its head, needs, forecast jobs (fields stored flat). */
    @Unwrapped.Empty
    private Submission dossier;
    /** The committee member who prescribed it and their organisation (R-20, R-27; fields stored flat). */
    @Unwrapped.Empty
    private Prescriber prescriber;
    @Indexed
    private ProjectStatus status;
    /** The prescriber's and any complementary diagnosis (R-22; fields stored flat). */
    @Unwrapped.Empty
    private Diagnoses diagnoses = new Diagnoses();
    /** The committee's decisions (field stored flat). */
    @Unwrapped.Empty
    private Decisions decisions = new Decisions();
    /** The mandatary who follows the project once approved (R-25; fields stored flat). */
    @Unwrapped.Empty
    private Mandate mandate = new Mandate();
    private CooperationConvention convention;
    /** Missions, reports and the request for a new intervention (fields stored flat). */
    @Unwrapped.Empty
    private FollowUp followUp = new FollowUp();
    private LocalDate submittedOn;
    /** When the SME's head was erased at their request (RGPD art. 17); null while they were not. */
    private Instant headErasedAt;
    private List<Transition> history = new ArrayList<>();

    /** As read from the database: every field set from the stored document. */
    @PersistenceCreator
    private Project() {
    }

    /** A project as submitted: the start of its life, before any diagnosis or decision. */
    private Project(String id, String reference, Submission s, Prescriber prescriber, LocalDate on) {
        this.id = id;
        this.reference = reference;
        this.dossier = s;
        this.prescriber = prescriber;
        this.submittedOn = on;
        this.status = ProjectStatus.SUBMITTED;
    }

    public static Project submit(BasinId basin, String id, String reference, Submission s, Prescriber prescriber, LocalDate on,
            Instant at, String by) {
        s.check(on);
        Project project = new Project(id, reference, s, prescriber, on);
        project.belongsTo(basin);
        project.history.add(new Transition(null, null, ProjectStatus.SUBMITTED, on, null, at, by));
        project.raise(ProjectEvents.submitted(basin.value(), project, at, by));
        return project;
    }

    /**
     * A project of the basin's past, entered after the fact from its records (the spreadsheet kept before the platform,
     * the committee's minutes): submitted, decided, and for an approval its convention signed and its follow-up
     * ended, each on its real date, and its events so dated that every figure counts it in the year it belongs to.
     * No session of the platform decided it: the decision names the minutes it is read from, without attendance or
     * votes (R-22 and R-23 were met then, on paper), and its prescriber and mandatary are people of the register,
     * whatever the committee's composition the platform knows for that day. Its convention carries no advance: a past
     * advance is finance's to take up.
     */
    public static Project recordPast(BasinId basin, String id, String reference, String formerReference, Submission s,
            Prescriber prescriber, LocalDate submittedOn, PastDecision past, LocalDate today, Instant at, String by) {
        s.check(submittedOn);
        past.check(submittedOn, today);
        Project project = new Project(id, reference, s, prescriber, submittedOn);
        project.formerReference = formerReference;
        project.belongsTo(basin);
        String source = "repris de l'historique du bassin (" + formerReference + ")";
        project.history.add(new Transition(null, null, ProjectStatus.SUBMITTED, submittedOn, source, at, by));
        project.raise(ProjectEvents.submitted(basin.value(), project, at, by));
        Decision decision = new Decision(PAST_DECISION + id, past.decidedOn(), past.outcome(), past.motivation(), null,
                past.mandataryId(), past.mandataryName(), false, 0, List.of(), List.of());
        project.decisions.add(decision);
        project.raise(ProjectEvents.decided(basin.value(), project, decision, at, by));
        boolean approved = past.outcome() == Decision.Outcome.APPROVED;
        project.step(ProjectAction.DECIDE, approved ? ProjectStatus.APPROVED : ProjectStatus.REJECTED, past.decidedOn(),
                past.motivation() + " — " + past.minutes(), at, by);
        if (!approved) {
            return project;
        }
        project.mandate.assign(past.mandataryId(), past.mandataryName());
        project.convention = CooperationConvention.signedBefore("cc-" + reference, past.decidedOn(), past.signedOn());
        project.raise(ProjectEvents.signedBefore(basin.value(), project, at, by));
        project.step(ProjectAction.SIGN_CONVENTION, ProjectStatus.CONVENTION_SIGNED, past.signedOn(), null, at, by);
        project.step(ProjectAction.START_FOLLOW_UP, ProjectStatus.IN_FOLLOW_UP, past.signedOn(), null, at, by);
        if (past.end() == null) {
            return project;
        }
        if (past.jobs() != null) {
            FollowUpReport tally = new FollowUpReport(Ids.next("rep"), past.endedOn(), past.jobs(),
                    "Bilan repris de l'historique du bassin (" + formerReference + ").", null, false, null,
                    past.mandataryName(), at, by);
            project.followUp.file(tally, past.signedOn(), today);
            project.note(ProjectAction.REPORT, past.endedOn(), "bilan repris : " + past.jobs().total()
                    + " emploi(s) dont " + past.jobs().lasting() + " durable(s)", at, by);
            project.raise(ProjectEvents.reportFiled(basin.value(), project, tally));
        }
        boolean closed = past.end() == PastDecision.End.CLOSED;
        project.step(closed ? ProjectAction.CLOSE : ProjectAction.ABANDON, closed ? ProjectStatus.CLOSED
                : ProjectStatus.ABANDONED, past.endedOn(), past.endReason() == null ? null : past.endReason().strip(), at, by);
        return project;
    }

    /** The session id a past decision carries: it was taken at a session the platform never held. */
    public static final String PAST_DECISION = "historique-";

    /** The latest day the mandatary's support is expected to end, once the convention is signed. */
    public Optional<LocalDate> followUpDueBy() {
        return convention == null ? Optional.empty() : convention.followUpDueBy();
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
        this.dossier = s;
        history.add(new Transition(null, status, status, null, "dossier modifié", at, by));
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
        diagnoses.record(diagnosis, prescriber);
        note(ProjectAction.RECORD_DIAGNOSIS, diagnosis.writtenOn(),
                diagnosis.kind() == Diagnosis.Kind.PRELIMINARY ? "diagnostic préalable" : "diagnostic complémentaire de "
                        + diagnosis.author(), at, by);
    }

    /** The project can go on a session's agenda once its preliminary diagnosis, and any requested complementary one, exist. */
    public void markReady(LocalDate on, Instant at, String by) {
        require(ProjectAction.MARK_READY);
        diagnoses.requireReadyForCommittee();
        move(ProjectAction.MARK_READY, ProjectStatus.READY_FOR_COMMITTEE, on, null, at, by);
    }

    /** Records the committee's decision at a session; the session has checked quorum and recusals. */
    public void decide(Decision decision, Parties parties, Instant at, String by) {
        require(ProjectAction.DECIDE);
        decision.requireMotivation();
        ProjectStatus to = switch (decision.outcome()) {
            case APPROVED -> approve(decision, parties);
            case REJECTED -> ProjectStatus.REJECTED;
            case POSTPONED -> {
                diagnoses.complementaryRequested(decision.complementaryDiagnosisRequested());
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
        return followUp.interventionPending()
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
        decision.requireMotivation();
        boolean approved = decision.outcome() == Decision.Outcome.APPROVED;
        GrantedMeans means = approved ? GrantedMeans.requireForIntervention(decision.means()) : null;
        List<SkillsMission> granted = approved ? missionsOf(means) : List.of();
        followUp.interventionDecided(decision.outcome() != Decision.Outcome.POSTPONED, granted);
        decisions.add(decision.asIntervention(means, mandate.id(), mandate.name()));
        note(ProjectAction.DECIDE, decision.decidedOn(), "nouvelle intervention : "
                + decision.outcome().name().toLowerCase(java.util.Locale.ROOT) + " — " + decision.motivation(), at, by);
        raise(ProjectEvents.interventionDecided(basin().value(), this, decision, means, granted, at, by));
    }

    private ProjectStatus approve(Decision decision, Parties parties) {
        GrantedMeans means = GrantedMeans.requireForApproval(decision.means());
        mandate.assign(decision.mandataryId(), decision.mandataryName());
        List<RequiredSignature> signatories = Signatories.forApproval(dossier.head(), decision, parties);
        followUp.grantOnApproval(missionsOf(means));
        this.convention = CooperationConvention.prepare("cc-" + reference, decision.decidedOn(), signatories);
        return ProjectStatus.APPROVED;
    }

    private static List<SkillsMission> missionsOf(GrantedMeans means) {
        return means.skills().stream().map(s -> SkillsMission.granted(Ids.next("msn"), s.partnerId(), s.partnerName(),
                s.domain(), s.days(), s.dailyValue())).toList();
    }

    /** Records one signature of the convention; with the last, the convention is signed and support starts. */
    public void sign(String key, String signatory, LocalDate signedOn, LocalDate today, Instant at, String by) {
        require(ProjectAction.SIGN_CONVENTION);
        convention = convention.sign(key, signatory, signedOn, today, at, by);
        note(ProjectAction.SIGN_CONVENTION, signedOn,
                "signature : " + convention.lastSignature().role().label(), at, by);
        if (convention.missing().isEmpty()) {
            GrantedMeans means = decisions.approval().means();
            convention = convention.complete(on -> means.advance() == null ? List.of() : means.advance().schedule(on));
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
        SkillsMission updated = followUp.deliver(missionId, on, days, note, convention.signedOn(), today, at, by);
        note(ProjectAction.REPORT, on, days + " jour(s) de " + updated.domain()
                + " par " + updated.partnerName(), at, by);
        raise(ProjectEvents.skillsDelivered(basin().value(), this, updated, on, days, at, by));
    }

    /** Refuses a follow-up report from anyone but the mandatary, or the operator on their behalf. */
    public void requireReporter(boolean operator, String personId) {
        mandate.requireReporter(operator, personId);
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
        String why = Transition.requireReason(reason);
        String former = mandate.replace(personId, personName);
        note(ProjectAction.REPLACE_MANDATARY, on, "mandataire remplacé : " + former + " → " + personName + " (" + why + ")", at, by);
    }

    /** Files a mandatary's follow-up report. */
    public void fileReport(FollowUpReport report, LocalDate today) {
        require(ProjectAction.REPORT);
        followUp.file(report, convention.signedOn(), today);
        note(ProjectAction.REPORT, report.reportedOn(), "compte rendu de suivi : "
                + report.jobsToDate().total() + " emploi(s) dont " + report.jobsToDate().lasting() + " durable(s)", report.recordedAt(), report.recordedBy());
        raise(ProjectEvents.reportFiled(basin().value(), this, report));
    }

    /** Closes a followed project, not before 18 months after its convention was signed. */
    public void close(LocalDate on, String reason, Instant at, String by) {
        require(ProjectAction.CLOSE);
        followUp.requireClosable(convention.signedOn(), on);
        move(ProjectAction.CLOSE, ProjectStatus.CLOSED, on, reason, at, by);
    }

    public void abandon(LocalDate on, String reason, Instant at, String by) {
        move(ProjectAction.ABANDON, ProjectStatus.ABANDONED, on, Transition.requireReason(reason), at, by);
    }

    /** The holder withdraws the project, at any open step. */
    public void withdraw(LocalDate on, String reason, Instant at, String by) {
        move(ProjectAction.WITHDRAW, ProjectStatus.WITHDRAWN, on, Transition.requireReason(reason), at, by);
    }

    /** The date the next follow-up report is expected, once support has started. */
    public Optional<LocalDate> nextReportDue() {
        if (status != ProjectStatus.CONVENTION_SIGNED && status != ProjectStatus.IN_FOLLOW_UP) {
            return Optional.empty();
        }
        return Optional.of(followUp.nextReportDue(convention.signedOn()));
    }

    public boolean isReportOverdue(LocalDate today) {
        return nextReportDue().map(today::isAfter).orElse(false);
    }

    private void require(ProjectAction action) {
        if (!action.allowedFrom().contains(status)) {
            throw new Conflict("project.transition", "Impossible de " + action.verb() + " ce projet : il est " + status.label()
                    + ".", status.allowedActions().stream().map(ProjectAction::path).toList());
        }
    }

    /**
     * The SME's head was erased at their request (their copies elsewhere scrubbed first): the dossier keeps a head
     * with no name, address or phone; the history says so, with the request's reference, not why.
     */
    public void headErased(String request, Instant at, String by) {
        if (headErasedAt != null) {
            throw new Conflict("project.head-erased", "Le dirigeant de ce projet a déjà été effacé le "
                    + org.alize.kernel.BasinCalendar.dayOf(headErasedAt) + ".");
        }
        dossier = new Submission(dossier.company(), new Head("Personne", "effacée", null, null), dossier.beneficiaryType(),
                dossier.needs(), dossier.forecastJobs(), dossier.supportSchemeIds());
        headErasedAt = at;
        history.add(new Transition(null, status, status, org.alize.kernel.BasinCalendar.dayOf(at),
                "données du dirigeant effacées à sa demande (demande " + request + ")", at, by));
    }

    public Instant headErasedAt() {
        return headErasedAt;
    }

    /** A step of the project's history that leaves its status as it is. */
    private void note(ProjectAction action, LocalDate on, String what, Instant at, String by) {
        history.add(new Transition(action, status, status, on, what, at, by));
    }

    private void move(ProjectAction action, ProjectStatus to, LocalDate on, String reason, Instant at, String by) {
        require(action);
        step(action, to, on, reason, at, by);
    }

    /** A step of the project's life, taken or (for a project of the past) recorded as it was taken. */
    private void step(ProjectAction action, ProjectStatus to, LocalDate on, String reason, Instant at, String by) {
        if (on == null) {
            throw InvalidInput.field("on", "la date est obligatoire");
        }
        ProjectStatus from = status;
        status = to;
        history.add(new Transition(action, from, to, on, reason, at, by));
        raise(ProjectEvents.statusChanged(basin().value(), this, from, action, reason, on, at, by));
    }

    public String id() {
        return id;
    }

    /** Its reference in the basin's records before the platform, for a project taken up from them; else null. */
    public String formerReference() {
        return formerReference;
    }

    public String reference() {
        return reference;
    }

    public Submission dossier() {
        return dossier;
    }

    public Prescriber prescriber() {
        return prescriber;
    }

    public ProjectStatus status() {
        return status;
    }

    public Diagnoses diagnoses() {
        return diagnoses;
    }

    public Decisions decisions() {
        return decisions;
    }

    public Mandate mandate() {
        return mandate;
    }

    public CooperationConvention convention() {
        return convention;
    }

    public FollowUp followUp() {
        return followUp;
    }

    public LocalDate submittedOn() {
        return submittedOn;
    }

    public List<Transition> history() {
        return List.copyOf(history);
    }
}
