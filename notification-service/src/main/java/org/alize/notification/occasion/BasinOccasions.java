package org.alize.notification.occasion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.NetworkMeetingCancelled;
import org.alize.basin.events.NetworkMeetingPlanned;
import org.alize.kernel.BasinCalendar;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.alize.notification.mail.Kind;
import org.alize.notification.mail.Notifier;
import org.alize.notification.people.CommitteeMembers;
import org.alize.notification.people.PeopleReplica;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What basin-service's events call for: first the people the mails go to ({@link PeopleReplica}), then the invitation
 * to a network meeting — and its cancellation — to the basin's operator staff and its committee's president.
 * A meeting already past when it is recorded (history entered late) invites no one.
 */
@Component
class BasinOccasions {

    static final String CONSUMER = "notification-basins";

    private final EventConsumer consumer;
    private final PeopleReplica people;
    private final MongoTemplate mongo;
    private final Notifier notifier;
    private final Clock clock;

    BasinOccasions(EventConsumer consumer, PeopleReplica people, MongoTemplate mongo, Notifier notifier, Clock clock) {
        this.consumer = consumer;
        this.people = people;
        this.mongo = mongo;
        this.notifier = notifier;
        this.clock = clock;
    }

    @KafkaListener(id = "notification-basins", topics = BasinEvents.TOPIC, groupId = "notification-service")
    void on(ConsumerRecord<String, CloudEvent> record) {
        consumer.consume(CONSUMER, record, this::apply);
    }

    void apply(ReceivedEvent<?> event) {
        people.apply(event);
        if (event.payload() instanceof NetworkMeetingPlanned p) {
            invite(event.id(), p.meetingId(), p.kind(), p.title(), p.date(), p.location(), p.basinsInvited(), null);
        } else if (event.payload() instanceof NetworkMeetingCancelled c) {
            invite(event.id(), c.meetingId(), null, c.title(), c.date(), null, 0,
                    c.reason() == null || c.reason().isBlank() ? "" : c.reason());
        }
    }

    private void invite(String cause, String meetingId, String kind, String title, LocalDate date, String location,
            int basinsInvited, String cancelledBecause) {
        LocalDate today = BasinCalendar.today(clock);
        if (date.isBefore(today)) {
            return;
        }
        Set<String> invited = new LinkedHashSet<>();
        people.operatorStaff().forEach(r -> invited.add(r.personId()));
        CommitteeMembers committee = mongo.findById(CommitteeMembers.ID, CommitteeMembers.class);
        if (committee != null) {
            committee.presidentOn(today).ifPresent(invited::add);
        }
        String day = ProjectOccasions.FRENCH_DAY.format(date);
        boolean cancelled = cancelledBecause != null;
        String subject = (cancelled ? "Réunion annulée : " : "Invitation : ") + title + ", le " + day;
        for (String personId : invited) {
            Map<String, Object> model = new HashMap<>();
            model.put("title", title);
            model.put("day", day);
            model.put("location", location == null || location.isBlank() ? null : location);
            model.put("national", "NATIONAL_EVENT".equals(kind));
            model.put("basinsInvited", basinsInvited);
            model.put("cancelled", cancelled);
            model.put("reason", cancelled && !cancelledBecause.isBlank() ? cancelledBecause : null);
            model.put("role", committee != null && committee.presidentOn(today).map(personId::equals).orElse(false)
                    ? "président(e) du comité d'agrément" : "opérateur local");
            notifier.notify(Kind.NETWORK_MEETING, personId, cause, subject, model);
        }
    }
}
