package org.alize.project.basin;

import java.util.function.ToLongFunction;

import io.cloudevents.CloudEvent;
import org.alize.basin.events.ApprovalCommitteeChanged;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.BasinRegistered;
import org.alize.basin.events.BasinStatusChanged;
import org.alize.basin.events.LocalOperatorAppointed;
import org.alize.basin.events.OrganisationRecorded;
import org.alize.basin.events.PersonRecorded;
import org.alize.basin.events.SteeringCommitteeChanged;
import org.alize.basin.events.SupportSchemeRecorded;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the replica up to date from {@code alize.basin.v1}; see the package documentation. */
@Component
class BasinEventsListener {

    static final String CONSUMER = "basin-replica";

    private final EventConsumer consumer;
    private final MongoTemplate mongo;

    BasinEventsListener(EventConsumer consumer, MongoTemplate mongo) {
        this.consumer = consumer;
        this.mongo = mongo;
    }

    @KafkaListener(id = "project-basins", topics = BasinEvents.TOPIC, groupId = "project-service")
    void on(ConsumerRecord<String, CloudEvent> record) {
        consumer.consume(CONSUMER, record, this::apply);
    }

    void apply(ReceivedEvent<?> event) {
        Object payload = event.payload();
        long sequence = event.sequence();
        if (payload instanceof OrganisationRecorded o) {
            keepNewest(new Replica.Organisation(o.organisationId(), o.name(), o.kind(),
                    o.skills().stream().map(OrganisationRecorded.Skill::domain).toList(), o.active(), sequence),
                    o.organisationId(), Replica.Organisation::sequence);
        } else if (payload instanceof PersonRecorded p) {
            keepNewest(new Replica.Person(p.personId(), p.firstName() + " " + p.lastName(), p.email(), p.organisationId(),
                    p.affiliation(), p.inActivity(), sequence), p.personId(), Replica.Person::sequence);
        } else if (payload instanceof SupportSchemeRecorded s) {
            keepNewest(new Replica.Scheme(s.schemeId(), s.name(), s.kind(), s.active(), sequence), s.schemeId(),
                    Replica.Scheme::sequence);
        } else if (payload instanceof LocalOperatorAppointed o) {
            keepNewest(new Replica.Operator(Replica.Operator.ID, o.holders().stream()
                    .map(h -> new Replica.Operator.Holder(h.organisationId(), h.organisationName(), h.functions())).toList(),
                    sequence),
                    Replica.Operator.ID, Replica.Operator::sequence);
        } else if (payload instanceof ApprovalCommitteeChanged c) {
            keepNewest(new Replica.Committee(Replica.Committee.ID, c.members().stream()
                    .map(m -> new Replica.Committee.Member(m.membershipId(), m.personId(), m.name(), m.organisationId(),
                            m.organisationKind(), m.seat(), m.voting(), m.from(), m.until())).toList(),
                    c.presidencies().stream().map(p -> new Replica.Committee.Presidency(p.personId(), p.name(), p.from(),
                            p.until())).toList(), c.quorumKind(), c.quorumMinimum(), sequence),
                    Replica.Committee.ID, Replica.Committee::sequence);
        } else if (payload instanceof BasinRegistered) {
            keepNewest(new Replica.Status(Replica.Status.ID, "PROPOSED", sequence), Replica.Status.ID, Replica.Status::sequence);
        } else if (payload instanceof BasinStatusChanged changed) {
            keepNewest(new Replica.Status(Replica.Status.ID, changed.status(), sequence), Replica.Status.ID,
                    Replica.Status::sequence);
        } else if (payload instanceof SteeringCommitteeChanged s) {
            keepNewest(new Replica.Steering(Replica.Steering.ID, s.chairs().stream()
                    .map(c -> new Replica.Steering.Chair(c.kind(), c.personId(), c.name(), c.financialSharePercent(),
                            c.from(), c.until())).toList(), sequence), Replica.Steering.ID, Replica.Steering::sequence);
        }
    }

    /** Replaces the stored fact unless it already reflects this event or a later one of the same aggregate. */
    @SuppressWarnings("unchecked")
    private <T> void keepNewest(T fact, String id, ToLongFunction<T> sequenceOf) {
        T stored = (T) mongo.findById(id, fact.getClass());
        if (stored == null || sequenceOf.applyAsLong(stored) < sequenceOf.applyAsLong(fact)) {
            mongo.save(fact);
        }
    }
}
