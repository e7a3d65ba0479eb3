package org.alize.project.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
import org.alize.project.cooperation.SignatoryRole;
import org.alize.project.events.CooperationConventionSigned;
import org.alize.project.events.FollowUpReportFiled;
import org.alize.project.events.Means;
import org.alize.project.events.ProjectDecided;
import org.alize.project.events.ProjectStatusChanged;
import org.alize.project.events.ProjectSubmitted;
import org.alize.project.events.SkillsDelivered;
import org.alize.project.followup.Delivery;
import org.alize.project.followup.FollowUpReport;
import org.alize.project.followup.SkillsMission;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.Ids;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A project of the basin; see the package documentation. */
@Document("projects")
public class Project extends AggregateRoot {

    private static final Pattern SIRET = Pattern.compile("^\\d{14}$");

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

    /** What a prescriber submits; the service has checked the prescriber sits on the committee. */
    public record Submission(Company company, Head head, BeneficiaryType beneficiaryType, Needs needs, int forecastJobs,
            List<String> supportSchemeIds) {
    }

    public static Project submit(String id, String reference, Submission s, String prescriberId, String prescriberName,
            LocalDate on, Instant at, String by) {
        checkSubmission(s);
        if (s.company().createdOn() != null && s.company().createdOn().isAfter(on)) {
            throw InvalidInput.field("company.createdOn", "l'entreprise est créée avant le dépôt du projet (" + on + ")");
        }
        Project project = new Project(id, reference, s.company(), s.head(), s.beneficiaryType(), prescriberId, prescriberName,
                s.needs(), s.forecastJobs(), s.supportSchemeIds(), ProjectStatus.SUBMITTED, null, null, false, List.of(), null,
                null, null, List.of(), List.of(), on, List.of());
        project.history.add(new Transition(null, null, ProjectStatus.SUBMITTED, on, null, at, by));
        project.raise(new ProjectSubmitted(id, reference, BasinContext.require().value(), s.company().name(),
                s.company().siret(), s.company().nafCode(), s.beneficiaryType().name(), s.forecastJobs(), prescriberId,
                project.supportSchemeIds, on, at, by));
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
        checkSubmission(s);
        this.company = s.company();
        this.head = s.head();
        this.beneficiaryType = s.beneficiaryType();
        this.needs = s.needs();
        this.forecastJobs = s.forecastJobs();
        this.supportSchemeIds = s.supportSchemeIds() == null ? List.of() : List.copyOf(s.supportSchemeIds());
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
        raise(new ProjectDecided(basin(), id, reference, decision.sessionId(), decision.decidedOn(), decision.outcome().name(),
                decision.motivation(), forecastJobs, decision.mandataryId(), decision.means() == null ? null
                        : meansEvent(decision.means(), missions), decision.complementaryDiagnosisRequested(),
                decision.voters(), decision.recusedPersonIds(), null, at, by));
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
            if (means != null && (means.advance() != null || means.loan() != null || means.directFinancing() != null)) {
                throw new RuleViolation("R-25", "Une nouvelle intervention apporte des compétences ou des apports en nature ; "
                        + "une nouvelle aide financière passe par un nouveau dossier.");
            }
            if (means == null || (means.skills().isEmpty() && means.inKind().isEmpty())) {
                throw new RuleViolation("R-26", "Une nouvelle intervention accorde des compétences ou des apports en nature.");
            }
            means.skills().forEach(s -> missions.add(new SkillsMission(Ids.next("msn"), s.partnerId(), s.partnerName(), s.domain(),
                    s.days(), s.dailyValue(), List.of())));
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
        raise(new ProjectDecided(basin(), id, reference, decision.sessionId(), decision.decidedOn(), decision.outcome().name(),
                decision.motivation(), forecastJobs, mandataryId, means == null ? null
                        : meansEvent(means, missions.subList(missions.size() - means.skills().size(), missions.size())), false,
                decision.voters(), decision.recusedPersonIds(), Boolean.TRUE, at, by));
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
        if (parties.presidentId() == null) {
            throw new RuleViolation("R-24", "Le comité n'a pas de président à cette date : la convention ne peut être préparée.");
        }
        if (means.advance() != null && parties.operatorOrganisationId() == null) {
            throw new RuleViolation("R-24", "L'annexe de l'avance est signée par l'opérateur local : aucun n'est désigné.");
        }
        this.mandataryId = decision.mandataryId();
        this.mandataryName = decision.mandataryName();
        this.missions = new ArrayList<>(means.skills().stream().map(s -> new SkillsMission(Ids.next("msn"), s.partnerId(),
                s.partnerName(), s.domain(), s.days(), s.dailyValue(), List.of())).toList());
        List<RequiredSignature> required = new ArrayList<>();
        required.add(RequiredSignature.of(SignatoryRole.SME_HEAD, head.fullName(), null));
        required.add(RequiredSignature.of(SignatoryRole.COMMITTEE_PRESIDENT, parties.presidentName(),
                parties.presidentOrganisationId()));
        means.skills().stream().map(GrantedMeans.SkillsGrant::partnerId).distinct().forEach(partner -> required.add(
                RequiredSignature.of(SignatoryRole.SKILLS_PARTNER, means.skills().stream()
                        .filter(s -> s.partnerId().equals(partner)).findFirst().orElseThrow().partnerName(), partner)));
        if (!decision.mandataryId().equals(parties.presidentId())) {
            required.add(RequiredSignature.of(SignatoryRole.MANDATARY, decision.mandataryName(), null));
        }
        if (means.advance() != null) {
            required.add(RequiredSignature.of(SignatoryRole.OPERATOR, parties.operatorName(), parties.operatorOrganisationId()));
        }
        this.convention = CooperationConvention.prepare("cc-" + reference, decision.decidedOn(), required);
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
            raise(conventionSigned(means, at, by));
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
        if (days < 1) {
            throw InvalidInput.field("days", "au moins une journée");
        }
        if (on == null || on.isAfter(today) || on.isBefore(convention.signedOn())) {
            throw InvalidInput.field("deliveredOn", "la date suit la signature de la convention et n'est pas future");
        }
        if (mission.daysDelivered() + days > mission.daysPlanned()) {
            throw new Conflict("mission.exceeded", mission.partnerName() + " a déjà livré " + mission.daysDelivered() + " des "
                    + mission.daysPlanned() + " jours accordés : au-delà, une nouvelle intervention du comité est nécessaire.");
        }
        SkillsMission updated = mission.with(new Delivery(on, days, note, at, by));
        missions.set(missions.indexOf(mission), updated);
        history.add(new Transition(ProjectAction.REPORT, status, status, on, days + " jour(s) de " + mission.domain()
                + " par " + mission.partnerName(), at, by));
        raise(new SkillsDelivered(basin(), id, missionId, mission.partnerId(), on, days,
                updated.dailyValue().multiply(BigDecimal.valueOf(days)), updated.daysDelivered(), updated.daysPlanned(), at, by));
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
        raise(new FollowUpReportFiled(basin(), id, report.reportId(), report.reportedOn(),
                new FollowUpReportFiled.Jobs(report.jobsToDate().permanent(), report.jobsToDate().fixedTerm(),
                        report.jobsToDate().fixedTermShort(), report.jobsToDate().apprenticeship(), report.jobsToDate().other(),
                        report.jobsToDate().total(), report.jobsToDate().lasting()),
                forecastJobs, report.newInterventionRequested(), report.recordedAt(), report.recordedBy()));
    }

    /** Closes a followed project, not before 18 months after its convention was signed. */
    public void close(LocalDate on, String reason, Instant at, String by) {
        require(ProjectAction.CLOSE);
        LocalDate earliest = convention.signedOn().plusMonths(ProgrammeReferences.R25_MINIMUM_FOLLOW_UP_MONTHS);
        if (on == null || on.isBefore(earliest)) {
            throw new RuleViolation("R-25", "Le mandataire suit le projet au moins 18 mois après la signature de la "
                    + "convention (" + convention.signedOn() + ") : clôture possible à partir du " + earliest + ".");
        }
        // a report every six months of the follow-up, the last of them within the six months before closing
        long expected = java.time.temporal.ChronoUnit.MONTHS.between(convention.signedOn(), on) / ProgrammeReferences.R25_REPORT_EVERY_MONTHS;
        long filed = reports.stream().filter(r -> !r.reportedOn().isAfter(on)).count();
        boolean recent = reports.stream().anyMatch(r -> !r.reportedOn().isAfter(on)
                && !r.reportedOn().isBefore(on.minusMonths(ProgrammeReferences.R25_REPORT_EVERY_MONTHS)));
        if (filed < expected || !recent) {
            throw new RuleViolation("R-25", "La clôture suit les comptes rendus du mandataire : " + expected + " attendus pour "
                    + "le suivi depuis le " + convention.signedOn() + " (un par semestre), " + filed + " déposé(s)"
                    + (recent ? "" : ", aucun dans les six derniers mois") + ".");
        }
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
        LocalDate last = reports.stream().map(FollowUpReport::reportedOn).max(LocalDate::compareTo)
                .orElse(convention.signedOn());
        return Optional.of(last.plusMonths(ProgrammeReferences.R25_REPORT_EVERY_MONTHS));
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
        raise(new ProjectStatusChanged(basin(), id, reference, from.name(), to.name(), action.name(), reason, on, at, by));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.field("reason", "le motif est obligatoire");
        }
        return reason.strip();
    }

    /**
     * The most jobs one SME project may forecast: the programme's reference is 75 jobs a year for a whole
     * basin, its projects create 3 to 10 each; a thousand is a typing error, not a forecast.
     */
    static final int MAX_FORECAST_JOBS = 1_000;

    private static void checkSubmission(Submission s) {
        if (s.company() == null || s.company().name() == null || s.company().name().isBlank()) {
            throw InvalidInput.field("company.name", "le nom de l'entreprise est obligatoire");
        }
        if (s.company().siret() != null && !SIRET.matcher(s.company().siret()).matches()) {
            throw InvalidInput.field("company.siret", "SIRET invalide : 14 chiffres");
        }
        if (s.head() == null || s.head().lastName() == null || s.head().lastName().isBlank()) {
            throw InvalidInput.field("head.lastName", "le nom du dirigeant est obligatoire");
        }
        if (s.beneficiaryType() == null) {
            throw new RuleViolation("R-20", "Précisez le type de bénéficiaire : PME en développement, reprise, projet "
                    + "structurant ou création à potentiel.");
        }
        if (s.forecastJobs() > MAX_FORECAST_JOBS) {
            throw InvalidInput.field("forecastJobs", "au plus " + MAX_FORECAST_JOBS + " emplois prévus pour un projet");
        }
        if (s.forecastJobs() < 0) {
            throw new RuleViolation("R-21", "Les emplois prévus à trois ans ne peuvent être négatifs.");
        }
    }

    private CooperationConventionSigned conventionSigned(GrantedMeans means, Instant at, String by) {
        Means event = meansEvent(means, missions);
        CooperationConventionSigned.AdvanceAnnex annex = means.advance() == null ? null
                : new CooperationConventionSigned.AdvanceAnnex(means.advance().amount(), means.advance().durationMonths(),
                        means.advance().graceMonths(), means.advance().frequency().name(), convention.schedule().stream()
                                .map(i -> new CooperationConventionSigned.Instalment(i.number(), i.dueOn(), i.amount())).toList());
        return new CooperationConventionSigned(basin(), id, reference, convention.conventionId(), convention.signedOn(),
                company.name(), company.siret(), mandataryId, annex, event.subsidisedLoan(), event.directFinancing(),
                event.skillsMissions(), event.inKind(), convention.signatures().stream()
                        .map(s -> new CooperationConventionSigned.Signatory(s.role().name(), s.signatory(), s.organisationId(),
                                s.signedOn())).toList(), at, by);
    }

    private static Means meansEvent(GrantedMeans means, List<SkillsMission> missions) {
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

    private static String basin() {
        return BasinContext.require().value();
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
