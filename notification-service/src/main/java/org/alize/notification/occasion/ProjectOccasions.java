package org.alize.notification.occasion;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.alize.notification.NotificationSettings;
import org.alize.notification.mail.Kind;
import org.alize.notification.mail.Notifier;
import org.alize.notification.people.ProjectFacts;
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
 * it — the prescriber who brought it and the mandatary named to follow it.
 */
@Component
class ProjectOccasions {

    static final String CONSUMER = "notification-projects";
    static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final EventConsumer consumer;
    private final MongoTemplate mongo;
    private final Notifier notifier;
    private final NotificationSettings settings;

    ProjectOccasions(EventConsumer consumer, MongoTemplate mongo, Notifier notifier, NotificationSettings settings) {
        this.consumer = consumer;
        this.mongo = mongo;
        this.notifier = notifier;
        this.settings = settings;
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
        }
    }

    private void decided(String cause, ProjectDecided d) {
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
    }
}
