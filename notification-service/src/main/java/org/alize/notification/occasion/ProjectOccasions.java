package org.alize.notification.occasion;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import org.alize.kernel.BasinCalendar;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.alize.notification.NotificationSettings;
import org.alize.notification.mail.Kind;
import org.alize.notification.mail.Notifier;
import org.alize.notification.people.CommitteeMembers;
import org.alize.notification.people.PeopleReplica;
import org.alize.notification.people.ProjectFacts;
import org.alize.notification.people.Recipient;
import org.alize.project.events.CommitteeSessionConvened;
import org.alize.project.events.ProjectDecided;
import org.alize.project.events.ProjectEvents;
import org.alize.project.events.ProjectSubmitted;
import org.alize.tenancy.BasinContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The mails that project-service's events call for: the committee's decision on a project to those who follow
 * it — the prescriber who brought it and the mandatary named to follow it — and to the SME's head; the convocation to a session, with its
 * agenda and each project's preliminary diagnosis, to every member of the approval committee on that day.
 */
@Component
class ProjectOccasions {

    static final String CONSUMER = "notification-projects";
    static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProjectOccasions.class);

    private final EventConsumer consumer;
    private final MongoTemplate mongo;
    private final Notifier notifier;
    private final NotificationSettings settings;
    private final PeopleReplica people;
    private final FollowUpReminders reminders;
    private final Clock clock;

    ProjectOccasions(EventConsumer consumer, MongoTemplate mongo, Notifier notifier, NotificationSettings settings,
            PeopleReplica people, FollowUpReminders reminders, Clock clock) {
        this.clock = clock;
        this.consumer = consumer;
        this.mongo = mongo;
        this.notifier = notifier;
        this.settings = settings;
        this.people = people;
        this.reminders = reminders;
    }

    @KafkaListener(id = "notification-projects", topics = ProjectEvents.TOPIC, groupId = "notification-service")
    void on(ConsumerRecord<String, CloudEvent> record) {
        consumer.consume(CONSUMER, record, this::apply);
    }

    void apply(ReceivedEvent<?> event) {
        if (event.payload() instanceof ProjectSubmitted s) {
            mongo.save(new ProjectFacts(s.projectId(), s.reference(), s.companyName(), s.prescriberId()));
        } else if (event.payload() instanceof ProjectDecided d) {
            decided(event.id(), d);
        } else if (event.payload() instanceof CommitteeSessionConvened c) {
            convened(event.id(), c);
        } else {
            reminders.apply(event);
        }
    }

    /** The convocation to each member of the approval committee on the session's day, with the agenda. */
    private void convened(String cause, CommitteeSessionConvened c) {
        if (c.scheduledOn().isBefore(BasinCalendar.today(clock))) {
            return; // a session already past: replayed history
        }
        CommitteeMembers committee = mongo.findById(CommitteeMembers.ID, CommitteeMembers.class);
        if (committee == null) {
            log.warn("convocation {} of {}: no committee known, no mail", c.sessionId(), c.basinId());
            return;
        }
        List<Map<String, Object>> agenda = new ArrayList<>();
        for (CommitteeSessionConvened.Item item : c.agenda()) {
            Map<String, Object> entry = new HashMap<>();
            entry.put("reference", item.reference());
            entry.put("companyName", item.companyName());
            Recipient prescriber = item.prescriberId() == null ? null : mongo.findById(item.prescriberId(), Recipient.class);
            entry.put("prescriberName", prescriber == null || prescriber.erased() ? null : prescriber.name());
            CommitteeSessionConvened.Diagnosis d = item.diagnosis();
            if (d != null) {
                Map<String, Object> diagnosis = new HashMap<>();
                diagnosis.put("writtenOn", FRENCH_DATE.format(d.writtenOn()));
                diagnosis.put("authorOrganisation", d.authorOrganisation());
                diagnosis.put("summary", d.summary());
                diagnosis.put("recommendation", d.recommendation());
                diagnosis.put("scores", d.quality() == null ? null : "qualité du projet " + d.quality()
                        + "/5, capacité du porteur " + d.holderCapacity() + "/5, impact sur le territoire " + d.territorialImpact() + "/5");
                entry.put("diagnosis", diagnosis);
            }
            agenda.add(entry);
        }
        String day = FRENCH_DAY.format(c.scheduledOn());
        String basin = BasinContext.require().value();
        String subject = (c.convocation() > 1 ? "Convocation mise à jour" : "Convocation") + " : séance n° " + c.number()
                + " du comité d'agrément, le " + day;
        for (String personId : committee.on(c.scheduledOn())) {
            Map<String, Object> model = new HashMap<>();
            model.put("number", c.number());
            model.put("scheduledOn", day);
            model.put("location", c.location() == null || c.location().isBlank() ? null : c.location());
            model.put("convocation", c.convocation());
            model.put("updated", c.convocation() > 1);
            model.put("agenda", agenda);
            model.put("link", settings.consoleUrl().resolve("/bassins/" + basin + "/comites/" + c.sessionId()).toString());
            notifier.notify(Kind.SESSION_CONVENED, personId, cause, subject, model);
        }
    }

    /**
     * An approval prepares the cooperation convention: those of its signatories the basin's register can reach
     * are asked to sign — the mandatary, the committee's president, and the operator's staff when the convention has
     * the advance's annex. The SME's head is not in the register: the operator sends them the convention.
     */
    private void toSign(String cause, ProjectDecided d, ProjectFacts facts) {
        Map<String, String> roles = new LinkedHashMap<>();
        if (d.mandataryId() != null) {
            roles.put(d.mandataryId(), "mandataire");
        }
        CommitteeMembers committee = mongo.findById(CommitteeMembers.ID, CommitteeMembers.class);
        if (committee != null) {
            committee.presidentOn(d.decidedOn()).ifPresent(president -> roles.merge(president,
                    "président(e) du comité d'agrément", (a, b) -> a + " et " + b));
        }
        boolean advance = d.means() != null && d.means().advance() != null;
        if (advance) {
            people.operatorStaff().forEach(staff -> roles.merge(staff.personId(), "opérateur local (annexe de l'avance)",
                    (a, b) -> a + " et " + b));
        }
        String basin = BasinContext.require().value();
        for (Map.Entry<String, String> signatory : roles.entrySet()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("reference", d.reference());
            model.put("companyName", facts == null ? "" : facts.companyName());
            model.put("decidedOn", FRENCH_DATE.format(d.decidedOn()));
            model.put("role", signatory.getValue());
            model.put("advance", advance);
            model.put("link", settings.consoleUrl().resolve("/bassins/" + basin + "/projets/" + d.projectId()).toString());
            notifier.notify(Kind.CONVENTION_TO_SIGN, signatory.getKey(), cause, "Convention de coopération à signer : projet "
                    + d.reference(), model);
        }
    }

    /**
     * How old a decision may be and still be news: a decision entered after the fact, or events replayed into a new
     * platform (a basin's archive imported, a topic read again), mail no one.
     */
    static final int NEWS_DAYS = 14;

    private void decided(String cause, ProjectDecided d) {
        if (d.decidedOn().isBefore(BasinCalendar.today(clock).minusDays(NEWS_DAYS))) {
            return;
        }
        ProjectFacts facts = mongo.findById(d.projectId(), ProjectFacts.class);
        String company = facts == null ? "" : facts.companyName();
        String outcome = switch (d.outcome()) {
            case "APPROVED" -> "projet agréé";
            case "REJECTED" -> "projet refusé";
            case "POSTPONED" -> "décision ajournée";
            default -> d.outcome();
        };
        String basin = BasinContext.require().value();
        Map<String, String> roles = new LinkedHashMap<>();
        if (facts != null && facts.prescriberId() != null) {
            roles.put(facts.prescriberId(), "prescripteur");
        }
        if (d.mandataryId() != null) {
            roles.merge(d.mandataryId(), "parrain", (a, b) -> a + " et " + b);
        }
        Set<String> people = new LinkedHashSet<>(roles.keySet());
        for (String personId : people) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("reference", d.reference());
            model.put("companyName", company);
            model.put("decidedOn", FRENCH_DATE.format(d.decidedOn()));
            model.put("outcomeLabel", outcome);
            model.put("approved", "APPROVED".equals(d.outcome()));
            model.put("motivation", d.motivation() == null || d.motivation().isBlank() ? null : d.motivation());
            model.put("forecastJobs", d.forecastJobs());
            model.put("role", roles.get(personId));
            model.put("link", settings.consoleUrl().resolve("/bassins/" + basin + "/projets/" + d.projectId()).toString());
            notifier.notify(Kind.PROJECT_DECISION, personId, cause, "Projet " + d.reference() + " : " + outcome, model);
        }
        if (d.holder() != null && !Boolean.TRUE.equals(d.newIntervention())) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("reference", d.reference());
            model.put("companyName", company);
            model.put("decidedOn", FRENCH_DATE.format(d.decidedOn()));
            model.put("outcomeLabel", outcome);
            model.put("approved", "APPROVED".equals(d.outcome()));
            model.put("postponed", "POSTPONED".equals(d.outcome()));
            model.put("complementaryDiagnosis", d.complementaryDiagnosisRequested());
            model.put("motivation", d.motivation() == null || d.motivation().isBlank() ? null : d.motivation());
            notifier.notifyHolder(Kind.HOLDER_DECISION, ProjectDecided.holderKey(d.projectId()), d.holder().email(), cause,
                    "Votre projet " + d.reference() + " : " + outcome, model);
        }
        if ("APPROVED".equals(d.outcome())) {
            toSign(cause, d, facts);
        }
    }
}
