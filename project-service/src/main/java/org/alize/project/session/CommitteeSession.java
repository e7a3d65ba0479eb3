package org.alize.project.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.project.basin.CommitteeOnDate;
import org.alize.project.basin.Replica;
import org.alize.project.events.CommitteeSessionConvened;
import org.alize.project.events.CommitteeSessionHeld;
import org.alize.project.events.SessionDecisionsValidated;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A session of the approval committee; see the package documentation. */
@Document("sessions")
public class CommitteeSession extends AggregateRoot {

    @Id
    private final String id;
    private final int number;
    @Indexed
    private LocalDate scheduledOn;
    private String location;
    private SessionStatus status;
    private final List<AgendaItem> agenda;
    private LocalDate heldOn;
    private List<Attendee> present;
    private List<String> absent;
    private int quorum;
    private String presidentName;
    /** Who presided the session: the committee's president, or in their absence the member the session named. */
    private String presidedByName;
    private final List<Recusal> recusals;
    private Validation validation;
    /** How many times the members were convened to it (a new convocation after the agenda changed). */
    private int convocations;
    private final List<HistoryEntry> history;

    @PersistenceCreator
    CommitteeSession(String id, int number, LocalDate scheduledOn, String location, SessionStatus status,
            List<AgendaItem> agenda, LocalDate heldOn, List<Attendee> present, List<String> absent, int quorum,
            String presidentName, List<Recusal> recusals, Validation validation, int convocations, List<HistoryEntry> history) {
        this.id = id;
        this.number = number;
        this.scheduledOn = scheduledOn;
        this.location = location;
        this.status = status;
        this.agenda = agenda == null ? new ArrayList<>() : new ArrayList<>(agenda);
        this.heldOn = heldOn;
        this.present = present == null ? List.of() : List.copyOf(present);
        this.absent = absent == null ? List.of() : List.copyOf(absent);
        this.quorum = quorum;
        this.presidentName = presidentName;
        this.recusals = recusals == null ? new ArrayList<>() : new ArrayList<>(recusals);
        this.validation = validation;
        this.convocations = convocations;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    /** How far ahead a session is planned: the committee meets 6 to 10 times a year, two years is the plan's end. */
    static final int SCHEDULING_HORIZON_YEARS = 2;
    /**
     * The most projects one session examines: a committee decides on a handful per session (6 to 10 sessions a year,
     * R-41); 30 also keeps the convocation, which carries each project's diagnosis, well inside an event's size.
     */
    public static final int MAX_AGENDA = 30;
    /** Ten times the reference's upper end: more sessions in a year is no committee's calendar. */
    static final int MAX_SESSIONS_PER_YEAR = 100;

    public static CommitteeSession schedule(BasinId basin, String id, int number, LocalDate on, String location, LocalDate today,
            int alreadyThatYear, Instant at, String by) {
        if (on == null) {
            throw InvalidInput.field("scheduledOn", "la date de la séance est obligatoire");
        }
        if (on.isAfter(today.plusYears(SCHEDULING_HORIZON_YEARS))) {
            throw InvalidInput.field("scheduledOn", "une séance se planifie au plus " + SCHEDULING_HORIZON_YEARS + " ans à l'avance");
        }
        if (alreadyThatYear >= MAX_SESSIONS_PER_YEAR) {
            throw new RuleViolation("R-41", "Le comité compte déjà " + alreadyThatYear + " séances en " + on.getYear()
                    + " (6 à 10 attendues) : une de plus n'est pas un calendrier de comité.");
        }
        CommitteeSession session = new CommitteeSession(id, number, on, location, SessionStatus.SCHEDULED, List.of(), null,
                List.of(), List.of(), 0, null, List.of(), null, 0, List.of());
        session.belongsTo(basin);
        session.history.add(new HistoryEntry("SCHEDULED", at, by, "séance n° " + number + " le " + on));
        return session;
    }

    /** Puts a project ready for the committee on the agenda (its diagnosis exists: R-22). */
    public void addToAgenda(AgendaItem item, Instant at, String by) {
        require(SessionStatus.SCHEDULED, "modifier l'ordre du jour");
        if (onAgenda(item.projectId())) {
            throw new Conflict("session.already-on-agenda", "Le projet " + item.reference() + " est déjà à l'ordre du jour.");
        }
        if (agenda.size() >= MAX_AGENDA) {
            throw new Conflict("session.agenda-full", "L'ordre du jour compte déjà " + MAX_AGENDA + " projets, le plus qu'une "
                    + "séance examine : inscrivez celui-ci à la séance suivante.");
        }
        agenda.add(item);
        history.add(new HistoryEntry("AGENDA_ADDED", at, by, item.reference() + " " + item.companyName()));
    }

    public void removeFromAgenda(String projectId, Instant at, String by) {
        require(SessionStatus.SCHEDULED, "modifier l'ordre du jour");
        AgendaItem item = agenda.stream().filter(i -> i.projectId().equals(projectId)).findFirst()
                .orElseThrow(() -> new Conflict("session.not-on-agenda", "Ce projet n'est pas à l'ordre du jour."));
        agenda.remove(item);
        history.add(new HistoryEntry("AGENDA_REMOVED", at, by, item.reference()));
    }

    /**
     * Records who attended, checked against the committee's composition on {@code heldOn}: only its members,
     * and at least its quorum of voting members.
     */
    public void recordAttendance(LocalDate on, Collection<String> presentIds, CommitteeOnDate committee, LocalDate today,
            Instant at, String by) {
        recordAttendance(on, presentIds, null, committee, today, at, by);
    }

    /**
     * Records who sat and who presided: the committee's president when present; in their absence, a present
     * member named by {@code presidedById}, which the session then records.
     */
    public void recordAttendance(LocalDate on, Collection<String> presentIds, String presidedById, CommitteeOnDate committee,
            LocalDate today, Instant at, String by) {
        require(SessionStatus.SCHEDULED, "enregistrer les présents de");
        if (on == null || on.isAfter(today)) {
            throw InvalidInput.field("heldOn", "une séance tenue a une date passée ou d'aujourd'hui");
        }
        if (agenda.isEmpty()) {
            throw new Conflict("session.empty-agenda", "L'ordre du jour est vide.");
        }
        Set<String> ids = new HashSet<>(presentIds);
        List<Attendee> attendees = new ArrayList<>();
        for (String personId : ids) {
            Replica.Committee.Member member = committee.member(personId).orElseThrow(() -> new RuleViolation("R-23",
                    "« " + personId + " » n'était pas membre du comité d'agrément le " + on + "."));
            attendees.add(new Attendee(member.personId(), member.name(), member.organisationId(), member.organisationKind(),
                    member.seat(), member.voting()));
        }
        long voting = attendees.stream().filter(Attendee::voting).count();
        if (voting < committee.quorum()) {
            throw new RuleViolation("R-23", "Quorum non atteint : " + voting + " membre(s) votant(s) présent(s) pour "
                    + committee.quorum() + " requis ; le comité ne peut pas décider.");
        }
        this.presidedByName = presidedBy(ids, attendees, presidedById, committee);
        this.heldOn = on;
        this.present = attendees.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        this.absent = committee.members().stream().filter(m -> !ids.contains(m.personId()))
                .map(Replica.Committee.Member::name).sorted().toList();
        this.quorum = committee.quorum();
        this.presidentName = committee.president() == null ? null : committee.president().name();
        this.status = SessionStatus.HELD;
        history.add(new HistoryEntry("HELD", at, by, voting + " votants présents, quorum " + quorum));
        raise(new CommitteeSessionHeld(basin().value(), id, number, on, present.size(), (int) voting, quorum,
                agenda.size(), at, by));
    }

    /**
     * Convenes the committee's members to this session still to come, with its agenda and each project's preliminary
     * diagnosis, which every member has before the session. Convening again after the agenda changed sends a
     * new convocation (its number follows).
     */
    public void convene(List<CommitteeSessionConvened.Item> items, LocalDate today, Instant at, String by) {
        require(SessionStatus.SCHEDULED, "convoquer les membres à");
        if (agenda.isEmpty()) {
            throw new Conflict("session.empty-agenda", "L'ordre du jour est vide : il n'y a rien à quoi convoquer les membres.");
        }
        if (scheduledOn.isBefore(today)) {
            throw new Conflict("session.past", "La séance n° " + number + " était prévue le " + scheduledOn
                    + " : on ne convoque qu'à une séance à venir.");
        }
        for (CommitteeSessionConvened.Item item : items) {
            if (item.diagnosis() == null) {
                throw new RuleViolation("R-22", "Le projet " + item.reference() + " n'a pas de diagnostic préalable : chaque "
                        + "membre le reçoit avec la convocation, avant la séance.");
            }
        }
        convocations++;
        history.add(new HistoryEntry("CONVENED", at, by, "convocation n° " + convocations + " : " + items.size()
                + " projet(s) à l'ordre du jour"));
        raise(new CommitteeSessionConvened(basin().value(), id, number, scheduledOn, location, convocations, List.copyOf(items),
                at, by));
    }

    private static String presidedBy(Set<String> ids, List<Attendee> attendees, String presidedById, CommitteeOnDate committee) {
        Replica.Committee.Presidency president = committee.president();
        boolean presidentPresent = president != null && ids.contains(president.personId());
        if (presidedById != null && !presidedById.isBlank()) {
            Attendee chair = attendees.stream().filter(a -> a.personId().equals(presidedById)).findFirst()
                    .orElseThrow(() -> InvalidInput.field("presidedBy", "qui préside la séance y est présent"));
            if (presidentPresent && !presidedById.equals(president.personId())) {
                throw new RuleViolation("R-23", "Le président du comité, " + president.name() + ", est présent : il préside la séance.");
            }
            return chair.name();
        }
        if (presidentPresent) {
            return president.name();
        }
        if (president != null) {
            throw new RuleViolation("R-23", "Le président du comité, " + president.name() + ", est absent : indiquez lequel des "
                    + "membres présents préside la séance.");
        }
        return null;
    }

    /** A present member declares a conflict of interest on an item (linked to the SME): they will not vote on it. */
    public void declareConflict(String personId, String projectId, String reason, Instant at, String by) {
        require(SessionStatus.HELD, "déclarer un conflit d'intérêts dans");
        Attendee attendee = present.stream().filter(a -> a.personId().equals(personId)).findFirst()
                .orElseThrow(() -> InvalidInput.field("personId", "ce membre n'est pas présent à la séance"));
        if (!onAgenda(projectId)) {
            throw InvalidInput.field("projectId", "ce projet n'est pas à l'ordre du jour");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.field("reason", "précisez le lien d'intérêt");
        }
        recusals.add(new Recusal(personId, attendee.name(), projectId, reason.strip(), false));
        history.add(new HistoryEntry("CONFLICT_DECLARED", at, by, attendee.name() + " sur " + projectId));
    }

    /**
     * Who votes on an item: the present voting members, less those who declared a conflict on it. No
     * recusal is automatic: a member whose company gives skills or help in kind to the project is flagged to
     * the president and still votes unless they declare a conflict. Refused if fewer than the quorum remain.
     */
    public Vote voteOn(String projectId, Set<String> contributingPartnerIds) {
        require(SessionStatus.HELD, "décider dans");
        if (!onAgenda(projectId)) {
            throw new Conflict("session.not-on-agenda", "Ce projet n'est pas à l'ordre du jour de la séance n° " + number + ".");
        }
        List<Recusal> declared = recusals.stream().filter(r -> r.projectId().equals(projectId)).toList();
        Set<String> recused = new HashSet<>(declared.stream().map(Recusal::personId).toList());
        List<Interest> flagged = new ArrayList<>();
        for (Attendee attendee : present) {
            if (!recused.contains(attendee.personId()) && attendee.organisationId() != null
                    && contributingPartnerIds.contains(attendee.organisationId())) {
                flagged.add(new Interest(attendee.personId(), attendee.name(),
                        "son entreprise apporte des compétences ou une aide en nature au projet"));
            }
        }
        int voters = (int) present.stream().filter(a -> a.voting() && !recused.contains(a.personId())).count();
        if (voters < quorum) {
            throw new RuleViolation("R-23", "Après les déports déclarés, " + voters + " membre(s) votant(s) pour un quorum de "
                    + quorum + " : le comité ne peut pas décider de ce projet.");
        }
        return new Vote(voters, declared, flagged);
    }

    /** A member's interest in an item, flagged to the president; they vote unless they declare a conflict. */
    public record Interest(String personId, String name, String reason) {
    }

    /** How an item was voted: the number of voters, who stood aside and why, whose interest was flagged. */
    public record Vote(int voters, List<Recusal> recusals, List<Interest> flagged) {
        public List<String> recusedPersonIds() {
            return recusals.stream().map(Recusal::personId).toList();
        }

        public List<String> flaggedPersonIds() {
            return flagged.stream().map(Interest::personId).toList();
        }
    }

    /** Closes the session once every item of its agenda has a decision (or left the committee's hands). */
    public void close(Collection<String> undecided, Instant at, String by) {
        require(SessionStatus.HELD, "clore");
        if (!undecided.isEmpty()) {
            throw new Conflict("session.undecided", "Des projets de l'ordre du jour attendent encore une décision : "
                    + String.join(", ", undecided) + ".");
        }
        this.status = SessionStatus.CLOSED;
        history.add(new HistoryEntry("CLOSED", at, by, null));
    }

    /** The local steering committee validates the session's decisions a posteriori. */
    public void validate(LocalDate on, String validatedBy, String remarks, LocalDate today, Instant at, String by) {
        require(SessionStatus.CLOSED, "valider");
        if (on == null || on.isBefore(heldOn) || on.isAfter(today)) {
            throw InvalidInput.field("validatedOn", "la validation suit la séance et n'est pas future");
        }
        if (validatedBy == null || validatedBy.isBlank()) {
            throw new RuleViolation("R-07", "La validation a posteriori est celle du comité local de pilotage : nommez qui l'a "
                    + "prononcée.");
        }
        this.validation = new Validation(on, validatedBy, remarks, at, by);
        this.status = SessionStatus.VALIDATED;
        history.add(new HistoryEntry("VALIDATED", at, by, validatedBy + (remarks == null ? "" : " : " + remarks)));
        raise(new SessionDecisionsValidated(basin().value(), id, on, validatedBy, remarks, at, by));
    }

    public void cancel(String reason, Instant at, String by) {
        require(SessionStatus.SCHEDULED, "annuler");
        this.status = SessionStatus.CANCELLED;
        history.add(new HistoryEntry("CANCELLED", at, by, reason));
    }

    public boolean onAgenda(String projectId) {
        return agenda.stream().anyMatch(i -> i.projectId().equals(projectId));
    }

    private void require(SessionStatus expected, String verb) {
        if (status != expected) {
            throw new Conflict("session.state", "Impossible de " + verb + " la séance n° " + number + " : elle est "
                    + status.label() + ".");
        }
    }

    public String id() {
        return id;
    }

    public int number() {
        return number;
    }

    public LocalDate scheduledOn() {
        return scheduledOn;
    }

    public String location() {
        return location;
    }

    public SessionStatus status() {
        return status;
    }

    public List<AgendaItem> agenda() {
        return List.copyOf(agenda);
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public List<Attendee> present() {
        return present;
    }

    public List<String> absent() {
        return absent;
    }

    public int quorum() {
        return quorum;
    }

    public String presidentName() {
        return presidentName;
    }

    public String presidedByName() {
        return presidedByName;
    }

    public List<Recusal> recusals() {
        return List.copyOf(recusals);
    }

    public Validation validation() {
        return validation;
    }

    public int convocations() {
        return convocations;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
