package org.alize.project.session;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.alize.kernel.BasinCalendar;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.kernel.problem.RuleViolation;
import org.alize.project.basin.BasinFacts;
import org.alize.project.basin.CommitteeOnDate;
import org.alize.project.basin.Replica;
import org.alize.project.events.CommitteeSessionConvened;
import org.alize.project.project.Decision;
import org.alize.project.project.Diagnosis;
import org.alize.project.project.GrantedMeans;
import org.alize.project.project.Parties;
import org.alize.project.project.Project;
import org.alize.project.project.ProjectService;
import org.alize.project.project.ProjectStatus;
import org.alize.project.project.References;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.Ids;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Sessions of the approval committee of the basin in context, and the decisions they take. */
@Service
public class SessionService {

    private final SessionRepository sessions;
    private final ProjectService projects;
    private final BasinFacts basin;
    private final References references;
    private final Clock clock;

    SessionService(SessionRepository sessions, ProjectService projects, BasinFacts basin, References references, Clock clock) {
        this.sessions = sessions;
        this.projects = projects;
        this.basin = basin;
        this.references = references;
        this.clock = clock;
    }

    public CommitteeSession schedule(LocalDate on, String location, String by) {
        basin.requireOperating("une séance du comité d'agrément");
        int thatYear = on == null ? 0 : (int) sessions.countWithin(LocalDate.of(on.getYear(), 1, 1),
                LocalDate.of(on.getYear(), 12, 31));
        return sessions.save(CommitteeSession.schedule(BasinContext.require(), Ids.next("ses"), references.nextNumber("session"), on, location,
                today(), thatYear, clock.instant(), by));
    }

    /**
     * Puts a project on the agenda: ready for the committee, or followed and its mandatary asking for a new
     * intervention; and on no other open session's agenda.
     */
    public CommitteeSession addToAgenda(String sessionId, String projectId, String by) {
        Project project = projects.get(projectId);
        if (project.status() != ProjectStatus.READY_FOR_COMMITTEE && !project.interventionRequested()) {
            throw new RuleViolation("R-22", "Seul un projet prêt pour le comité, diagnostic préalable disponible, va à l'ordre "
                    + "du jour ; le projet " + project.reference() + " est " + project.status().label() + ".");
        }
        sessions.findByStatusIn(List.of(SessionStatus.SCHEDULED, SessionStatus.HELD)).stream()
                .filter(s -> !s.id().equals(sessionId) && s.onAgenda(projectId)).findAny().ifPresent(other -> {
                    throw new Conflict("project.on-another-agenda", "Le projet " + project.reference()
                            + " est déjà à l'ordre du jour de la séance n° " + other.number() + ".");
                });
        return change(sessionId, s -> s.addToAgenda(new AgendaItem(project.id(), project.reference(), project.dossier().company().name(),
                project.prescriber().name()), clock.instant(), by));
    }

    /** Convenes the members: each agenda project with its preliminary diagnosis, read by id (at most 30). */
    public CommitteeSession convene(String sessionId, String by) {
        basin.requireOperating("la convocation d'une séance");
        CommitteeSession session = get(sessionId);
        List<CommitteeSessionConvened.Item> items = session.agenda().stream()
                .map(item -> convened(projects.get(item.projectId()))).toList();
        session.convene(items, today(), clock.instant(), by);
        return sessions.save(session);
    }

    private static CommitteeSessionConvened.Item convened(Project project) {
        Diagnosis d = project.diagnoses().preliminary();
        CommitteeSessionConvened.Diagnosis diagnosis = d == null ? null : new CommitteeSessionConvened.Diagnosis(d.writtenOn(),
                d.authorOrganisation(), cut(d.summary(), CommitteeSessionConvened.Diagnosis.SUMMARY_MAX),
                cut(d.recommendation(), CommitteeSessionConvened.Diagnosis.RECOMMENDATION_MAX),
                d.scores() == null ? null : d.scores().quality(), d.scores() == null ? null : d.scores().holderCapacity(),
                d.scores() == null ? null : d.scores().territorialImpact());
        return new CommitteeSessionConvened.Item(project.id(), project.reference(), project.dossier().company().name(),
                project.prescriber() == null ? null : project.prescriber().personId(), diagnosis);
    }

    /** {@code text} cut to {@code max} characters, ending with « … » when it was longer. */
    static String cut(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1).stripTrailing() + "…";
    }

    public CommitteeSession removeFromAgenda(String sessionId, String projectId, String by) {
        return change(sessionId, s -> s.removeFromAgenda(projectId, clock.instant(), by));
    }

    public CommitteeSession recordAttendance(String sessionId, LocalDate heldOn, Collection<String> present, String by) {
        return recordAttendance(sessionId, heldOn, present, null, by);
    }

    /** Records who sat and, when the committee's president was absent, which present member presided. */
    public CommitteeSession recordAttendance(String sessionId, LocalDate heldOn, Collection<String> present, String presidedBy,
            String by) {
        basin.requireOperating("la tenue d'une séance");
        CommitteeSession session = get(sessionId);
        LocalDate on = heldOn == null ? session.scheduledOn() : heldOn;
        session.recordAttendance(on, present, presidedBy, basin.committeeOn(on), today(), clock.instant(), by);
        return sessions.save(session);
    }

    public CommitteeSession declareConflict(String sessionId, String personId, String projectId, String reason, String by) {
        return change(sessionId, s -> s.declareConflict(personId, projectId, reason, clock.instant(), by));
    }

    /** What the committee decides on one item, before the service resolves names. */
    public record DecisionInput(String projectId, Decision.Outcome outcome, String motivation, GrantedMeans means,
            String mandataryId, boolean complementaryDiagnosisRequested) {
    }

    /**
     * Decides one agenda item: only the members entitled to vote on it count towards the quorum; an
     * approval names a mandatary who sits on the committee and means; the convention's
     * parties are those in office on the session's date. Writes the project alone.
     */
    public Project decide(String sessionId, DecisionInput input, String by) {
        basin.requireOperating("une décision du comité d'agrément");
        CommitteeSession session = get(sessionId);
        Project project = projects.get(input.projectId());
        GrantedMeans means = input.outcome() == Decision.Outcome.APPROVED ? resolved(input.means()) : null;
        Set<String> contributingPartners = new HashSet<>();
        if (means != null) {
            means.skills().forEach(s -> contributingPartners.add(s.partnerId()));
            means.inKind().stream().map(GrantedMeans.InKindGrant::providerId).filter(java.util.Objects::nonNull)
                    .forEach(contributingPartners::add);
        }
        CommitteeSession.Vote vote = session.voteOn(project.id(), contributingPartners);
        CommitteeOnDate committee = basin.committeeOn(session.heldOn());
        String mandataryName = null;
        if (input.outcome() == Decision.Outcome.APPROVED && input.mandataryId() != null) {
            mandataryName = committee.member(input.mandataryId()).map(Replica.Committee.Member::name).orElseThrow(() ->
                    new RuleViolation("R-25", "Le mandataire est un membre du comité d'agrément ; « " + input.mandataryId()
                            + " » ne l'est pas le " + session.heldOn() + "."));
        }
        Replica.Committee.Presidency president = committee.president();
        String presidentOrganisation = president == null ? null
                : committee.member(president.personId()).map(Replica.Committee.Member::organisationId).orElse(null);
        Replica.Operator.Holder operator = basin.operator().flatMap(Replica.Operator::fundManager).orElse(null);
        if (project.status() != ProjectStatus.READY_FOR_COMMITTEE && project.interventionRequested()) {
            project.decideIntervention(new Decision(session.id(), session.heldOn(), input.outcome(), input.motivation(), means,
                    null, null, false, vote.voters(), vote.recusedPersonIds(), vote.flaggedPersonIds()), clock.instant(), by);
            return projects.save(project);
        }
        project.decide(new Decision(session.id(), session.heldOn(), input.outcome(), input.motivation(), means,
                        input.outcome() == Decision.Outcome.APPROVED ? input.mandataryId() : null, mandataryName,
                        input.complementaryDiagnosisRequested(), vote.voters(), vote.recusedPersonIds(), vote.flaggedPersonIds()),
                new Parties(president == null ? null : president.personId(), president == null ? null : president.name(),
                        presidentOrganisation, operator == null ? null : operator.organisationId(),
                        operator == null ? null : operator.organisationName()), clock.instant(), by);
        return projects.save(project);
    }

    /** Closes the session once each item has its decision at this session, or has left the committee's hands. */
    public CommitteeSession close(String sessionId, String by) {
        CommitteeSession session = get(sessionId);
        List<String> undecided = session.agenda().stream().filter(item -> {
            Project project = projects.get(item.projectId());
            boolean decidedHere = project.decisions().all().stream().anyMatch(d -> d.sessionId().equals(sessionId));
            return !decidedHere && (project.status() == ProjectStatus.READY_FOR_COMMITTEE || project.interventionRequested());
        }).map(AgendaItem::reference).toList();
        session.close(undecided, clock.instant(), by);
        return sessions.save(session);
    }

    /** Records the steering committee's a-posteriori validation; by default in the name of its chair on that date. */
    public CommitteeSession validate(String sessionId, LocalDate on, String validatedBy, String remarks, String by) {
        LocalDate date = on == null ? today() : on;
        String who = validatedBy != null && !validatedBy.isBlank() ? validatedBy
                : basin.steeringChairOn(date).map(Replica.Steering.Chair::name).orElse(null);
        return change(sessionId, s -> s.validate(date, who, remarks, today(), clock.instant(), by));
    }

    public CommitteeSession cancel(String sessionId, String reason, String by) {
        return change(sessionId, s -> s.cancel(reason, clock.instant(), by));
    }

    public CommitteeSession get(String id) {
        return sessions.findById(id).orElseThrow(() ->
                new NotFound("session.not-found", "Aucune séance « " + id + " » dans ce bassin."));
    }

    /** One page of a year's sessions, 1 January and 31 December included, by date. */
    public Page<CommitteeSession> ofYear(int year, int page, int size) {
        return sessions.within(LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), PageRequest.of(page, size, Sort.by("scheduledOn", "_id")));
    }

    /** The decisions taken at a session, in agenda order. */
    public List<Project> decidedAt(CommitteeSession session) {
        return session.agenda().stream().map(item -> projects.get(item.projectId()))
                .filter(p -> p.decisions().all().stream().anyMatch(d -> d.sessionId().equals(session.id()))).toList();
    }

    public LocalDate today() {
        return BasinCalendar.today(clock);
    }

    /** Skills partners must be partner companies of the basin; their names come from the replica. */
    private GrantedMeans resolved(GrantedMeans means) {
        if (means == null) {
            return null;
        }
        List<GrantedMeans.SkillsGrant> skills = means.skills().stream().map(s -> {
            Replica.Organisation partner = basin.organisation(s.partnerId())
                    .filter(o -> "PARTNER_COMPANY".equals(o.kind()) && o.active())
                    .orElseThrow(() -> InvalidInput.field("means.skills.partnerId", "« " + s.partnerId()
                            + " » n'est pas une entreprise partenaire active du bassin"));
            return new GrantedMeans.SkillsGrant(partner.organisationId(), partner.name(), s.domain(), s.days(), s.dailyValue());
        }).toList();
        return new GrantedMeans(skills, means.inKind(), means.advance(), means.loan(), means.directFinancing());
    }

    private CommitteeSession change(String id, Consumer<CommitteeSession> action) {
        CommitteeSession session = get(id);
        action.accept(session);
        return sessions.save(session);
    }
}
