package org.alize.project.project;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.alize.kernel.BasinCalendar;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.kernel.problem.RuleViolation;
import org.alize.project.basin.BasinFacts;
import org.alize.project.basin.Replica;
import org.alize.project.followup.FollowUpReport;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.Ids;
import org.alize.tenancy.web.Paged;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The projects of the basin in context. */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final MongoTemplate mongo;
    private final BasinFacts basin;
    private final References references;
    private final Clock clock;

    ProjectService(ProjectRepository projects, MongoTemplate mongo, BasinFacts basin, References references, Clock clock) {
        this.projects = projects;
        this.mongo = mongo;
        this.basin = basin;
        this.references = references;
        this.clock = clock;
    }

    /** A prescriber, member of the approval committee, brings a project; other schemes involved are known ones. */
    public Project submit(Submission submission, String prescriberId, LocalDate on, String by) {
        LocalDate date = pastOrToday(on, "submittedOn");
        Replica.Committee.Member prescriber = basin.committeeOn(date).member(prescriberId).orElseThrow(() ->
                new RuleViolation("R-22", "Le prescripteur est un membre du comité d'agrément à la date du dépôt ; "
                        + "« " + prescriberId + " » ne l'est pas."));
        checkSchemes(submission.supportSchemeIds());
        return projects.save(Project.submit(BasinContext.require(), Ids.next("prj"), references.next("project", date.getYear()),
                submission, new Prescriber(prescriber.personId(), prescriber.name(), prescriber.organisationId()), date,
                clock.instant(), by));
    }

    /**
     * Takes up a project of the basin's past from its records (see {@link Project#recordPast}): its prescriber and its
     * mandatary are people of the basin's register; it gets a reference of the platform for its year of submission and
     * keeps {@code formerReference}, by which it is found again (a second import of it is a 409).
     */
    public Project recordPast(String formerReference, Submission submission, String prescriberId, LocalDate submittedOn,
            PastDecision past, String by) {
        Replica.Person prescriber = registered(prescriberId, "prescriberId", "le prescripteur");
        checkSchemes(submission.supportSchemeIds());
        if (findPast(formerReference).isPresent()) {
            throw new Conflict("project.already-taken-up", "Le projet « " + formerReference + " » est déjà repris.");
        }
        Project project = Project.recordPast(BasinContext.require(), Ids.next("prj"),
                submittedOn == null ? "?" : references.next("project", submittedOn.getYear()), formerReference, submission,
                new Prescriber(prescriber.personId(), prescriber.name(), prescriber.organisationId()), submittedOn, past,
                today(), clock.instant(), by);
        try {
            return projects.insert(project);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw new Conflict("project.already-taken-up", "Le projet « " + formerReference + " » est déjà repris.");
        }
    }

    /**
     * A project of the past as {@link #recordPast} would take it up, judged and not written (an import's preview): the
     * domain's refusals are thrown as they would be then.
     */
    public Project judgePast(String formerReference, Submission submission, String prescriberId, LocalDate submittedOn,
            PastDecision past) {
        Replica.Person prescriber = registered(prescriberId, "prescriberId", "le prescripteur");
        checkSchemes(submission.supportSchemeIds());
        return Project.recordPast(BasinContext.require(), "prj-apercu", "aperçu", formerReference, submission,
                new Prescriber(prescriber.personId(), prescriber.name(), prescriber.organisationId()), submittedOn, past,
                today(), clock.instant(), "aperçu");
    }

    /** The person of the basin's register whose address is {@code email}, if there is one (not erased). */
    public java.util.Optional<Replica.Person> registeredByEmail(String email) {
        return email == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(mongo.findOne(Query.query(
                where("email").in(email, email.toLowerCase(java.util.Locale.ROOT)).and("erased").ne(true)),
                Replica.Person.class));
    }

    /** A person of the basin's register, in activity or not, and not erased. */
    public Replica.Person registered(String personId, String field, String who) {
        return basin.person(personId).filter(p -> !p.erased()).orElseThrow(() -> InvalidInput.field(field,
                who + " est une personne du registre du bassin"));
    }

    /** The project taken up from the basin's records under {@code formerReference}, if it was. */
    public java.util.Optional<Project> findPast(String formerReference) {
        return java.util.Optional.ofNullable(formerReference == null ? null
                : mongo.findOne(Query.query(where("formerReference").is(formerReference)), Project.class));
    }

    public Project amend(String id, Submission submission, String by) {
        checkSchemes(submission.supportSchemeIds());
        return change(id, p -> p.amend(submission, clock.instant(), by));
    }

    public Project startDiagnosis(String id, LocalDate on, String by) {
        return change(id, p -> p.startDiagnosis(pastOrToday(on, "on"), clock.instant(), by));
    }

    public Project recordDiagnosis(String id, Diagnosis diagnosis, String by) {
        pastOrToday(diagnosis.writtenOn(), "writtenOn");
        return change(id, p -> p.recordDiagnosis(diagnosis, clock.instant(), by));
    }

    public Project markReady(String id, LocalDate on, String by) {
        return change(id, p -> p.markReady(pastOrToday(on, "on"), clock.instant(), by));
    }

    public Project withdraw(String id, LocalDate on, String reason, String by) {
        return change(id, p -> p.withdraw(pastOrToday(on, "on"), reason, clock.instant(), by));
    }

    public Project abandon(String id, LocalDate on, String reason, String by) {
        return change(id, p -> p.abandon(pastOrToday(on, "on"), reason, clock.instant(), by));
    }

    public Project startFollowUp(String id, LocalDate on, String by) {
        return change(id, p -> p.startFollowUp(pastOrToday(on, "on"), clock.instant(), by));
    }

    public Project close(String id, LocalDate on, String reason, String by) {
        return change(id, p -> p.close(pastOrToday(on, "on"), reason, clock.instant(), by));
    }

    public Project sign(String id, String key, String signatory, LocalDate signedOn, String by) {
        basin.requireOperating("la signature d'une convention de coopération");
        return change(id, p -> p.sign(key, signatory, signedOn, today(), clock.instant(), by));
    }

    public Project deliverSkills(String id, String missionId, LocalDate on, int days, String note, String by) {
        return change(id, p -> p.deliverSkills(missionId, on, days, note, today(), clock.instant(), by));
    }

    /**
     * Files a follow-up report, by the project's mandatary or the operator on their behalf.
     *
     * @param operator whether the caller is the basin's operator
     * @param personId the caller's person in the basin's register, as the token names it
     */
    public Project fileReport(String id, FollowUpReport report, boolean operator, String personId) {
        return change(id, p -> {
            p.requireReporter(operator, personId);
            p.fileReport(report, today());
        });
    }

    /** Replaces a project's mandatary by a member of the approval committee on {@code on}. */
    public Project replaceMandatary(String id, String personId, LocalDate on, String reason, String by) {
        LocalDate date = on == null ? today() : on;
        Replica.Committee.Member member = basin.committeeOn(date).member(personId).orElseThrow(() ->
                new RuleViolation("R-25", "Le mandataire est un membre du comité d'agrément ; « " + personId + " » ne l'est pas le "
                        + date + "."));
        return change(id, p -> p.replaceMandatary(personId, member.name(), date, reason, today(), clock.instant(), by));
    }

    public Project get(String id) {
        return projects.findById(id).orElseThrow(() ->
                new NotFound("project.not-found", "Aucun projet « " + id + " » dans ce bassin."));
    }

    public Project save(Project project) {
        return projects.save(project);
    }

    /** Projects matching every filter given, most recent first; {@code overdue} keeps those with a follow-up report late. */
    public Paged<Project> list(Set<ProjectStatus> statuses, String sessionId, String mandataryId, boolean overdue, String text,
            int page, int size) {
        List<Criteria> filters = new ArrayList<>();
        if (statuses != null && !statuses.isEmpty()) {
            filters.add(where("status").in(statuses));
        }
        if (sessionId != null) {
            filters.add(where("decisions.sessionId").is(sessionId));
        }
        if (mandataryId != null) {
            filters.add(where("mandataryId").is(mandataryId));
        }
        if (overdue) {
            filters.add(where("status").in(ProjectStatus.CONVENTION_SIGNED, ProjectStatus.IN_FOLLOW_UP));
        }
        if (text != null && !text.isBlank()) {
            String pattern = Pattern.quote(text.strip());
            filters.add(new Criteria().orOperator(where("company.name").regex(pattern, "i"), where("reference").regex(pattern, "i")));
        }
        Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
        query.with(Sort.by(Sort.Direction.DESC, "reference"));
        if (overdue) {
            LocalDate today = today();
            List<Project> late = mongo.find(query, Project.class).stream().filter(p -> p.isReportOverdue(today)).toList();
            int from = Math.min(late.size(), page * size);
            return Paged.of(late.subList(from, Math.min(late.size(), from + size)), page, size, late.size(), p -> p);
        }
        long total = mongo.count(query, Project.class);
        return Paged.of(mongo.find(query.skip((long) page * size).limit(size), Project.class), page, size, total, p -> p);
    }

    public LocalDate today() {
        return BasinCalendar.today(clock);
    }

    private Project change(String id, Consumer<Project> action) {
        Project project = get(id);
        action.accept(project);
        return projects.save(project);
    }

    private LocalDate pastOrToday(LocalDate date, String field) {
        LocalDate today = today();
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw InvalidInput.field(field, "la date ne peut être future");
        }
        return date;
    }

    private void checkSchemes(List<String> schemeIds) {
        if (schemeIds == null) {
            return;
        }
        for (String schemeId : schemeIds) {
            if (basin.scheme(schemeId).filter(Replica.Scheme::active).isEmpty()) {
                throw InvalidInput.field("supportSchemeIds", "aucun dispositif actif « " + schemeId + " » au registre du bassin (R-08)");
            }
        }
    }
}
