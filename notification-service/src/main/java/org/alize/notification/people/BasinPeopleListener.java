package org.alize.notification.people;

import org.alize.basin.events.ApprovalCommitteeChanged;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.PersonErased;
import org.alize.basin.events.PersonRecorded;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.alize.tenancy.personal.PersonalData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps the basin's recipients and committee from {@code alize.basin.v1}. An erasure forgets the person's address
 * and name, their preferences and every mail written to them (the delivery log holds their address and name).
 */
@Component
class BasinPeopleListener {

    static final String CONSUMER = "notification-people";

    private final EventConsumer consumer;
    private final MongoTemplate mongo;
    private final PersonalData personal;

    BasinPeopleListener(EventConsumer consumer, MongoTemplate mongo, PersonalData personal) {
        this.consumer = consumer;
        this.mongo = mongo;
        this.personal = personal;
    }

    @KafkaListener(id = "notification-basins", topics = BasinEvents.TOPIC, groupId = "notification-service")
    void on(ConsumerRecord<String, CloudEvent> record) {
        consumer.consume(CONSUMER, record, this::apply);
    }

    void apply(ReceivedEvent<?> event) {
        long sequence = event.sequence();
        if (event.payload() instanceof PersonRecorded p) {
            Recipient known = mongo.findById(p.personId(), Recipient.class);
            if (known != null && (known.sequence() >= sequence || known.erased())) {
                return;
            }
            String first = personal.open(p.firstName());
            String last = personal.open(p.lastName());
            String email = personal.open(p.email());
            boolean erased = first == null || last == null; // sealed with a key since destroyed: a replay after the erasure
            mongo.save(new Recipient(p.personId(), erased ? PersonalData.ERASED_NAME : first + " " + last,
                    erased ? null : email, p.organisationId(), p.inActivity(), erased, sequence));
        } else if (event.payload() instanceof PersonErased e) {
            mongo.remove(query(where("recipientId").is(e.personId())), "mails");
            mongo.remove(query(where("_id").is(e.personId())), "preferences");
            mongo.save(new Recipient(e.personId(), PersonalData.ERASED_NAME, null, null, false, true, sequence));
        } else if (event.payload() instanceof ApprovalCommitteeChanged c) {
            CommitteeMembers known = mongo.findById(CommitteeMembers.ID, CommitteeMembers.class);
            if (known == null || known.sequence() < sequence) {
                mongo.save(new CommitteeMembers(CommitteeMembers.ID, c.members().stream()
                        .map(m -> new CommitteeMembers.Membership(m.personId(), m.from(), m.until())).toList(), sequence));
            }
        }
    }
}
