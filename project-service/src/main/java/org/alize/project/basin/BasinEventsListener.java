package org.alize.project.basin;

import java.util.function.ToLongFunction;

import io.cloudevents.CloudEvent;
import org.alize.basin.events.ApprovalCommitteeChanged;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.BasinRegistered;
import org.alize.basin.events.BasinStatusChanged;
import org.alize.basin.events.LocalOperatorAppointed;
import org.alize.basin.events.OrganisationRecorded;
import org.alize.basin.events.PersonErased;
import org.alize.basin.events.PersonRecorded;
import org.alize.basin.events.SteeringCommitteeChanged;
import org.alize.basin.events.SupportSchemeRecorded;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.alize.tenancy.personal.PersonalData;
import org.alize.tenancy.personal.PersonalDataScrubber;
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
    private final PersonalData personal;
    private final PersonalDataScrubber scrubber;

    BasinEventsListener(EventConsumer consumer, MongoTemplate mongo, PersonalData personal, PersonalDataScrubber scrubber) {
        this.consumer = consumer;
        this.mongo = mongo;
        this.personal = personal;
        this.scrubber = scrubber;
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
            String first = personal.open(p.firstName());
            String last = personal.open(p.lastName());
            boolean erased = first == null || last == null; // sealed with a key since destroyed: a replay after the erasure
            keepNewest(new Replica.Person(p.personId(), erased ? PersonalData.ERASED_NAME : first + " " + last,
                    erased ? null : personal.open(p.email()), p.organisationId(), p.affiliation(), p.inActivity(), sequence,
                    erased ? null : first, erased ? null : last, erased), p.personId(), Replica.Person::sequence);
        } else if (payload instanceof PersonErased e) {
            erase(e.personId(), sequence);
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
                    .map(m -> new Replica.Committee.Member(m.membershipId(), m.personId(), personal.openName(m.name()), m.organisationId(),
                            m.organisationKind(), m.seat(), m.voting(), m.from(), m.until())).toList(),
                    c.presidencies().stream().map(p -> new Replica.Committee.Presidency(p.personId(), personal.openName(p.name()), p.from(),
                            p.until())).toList(), c.quorumKind(), c.quorumMinimum(), sequence),
                    Replica.Committee.ID, Replica.Committee::sequence);
        } else if (payload instanceof BasinRegistered) {
            keepNewest(new Replica.Status(Replica.Status.ID, "PROPOSED", sequence), Replica.Status.ID, Replica.Status::sequence);
        } else if (payload instanceof BasinStatusChanged changed) {
            keepNewest(new Replica.Status(Replica.Status.ID, changed.status(), sequence), Replica.Status.ID,
                    Replica.Status::sequence);
        } else if (payload instanceof SteeringCommitteeChanged s) {
            keepNewest(new Replica.Steering(Replica.Steering.ID, s.chairs().stream()
                    .map(c -> new Replica.Steering.Chair(c.kind(), c.personId(), personal.openName(c.name()), c.financialSharePercent(),
                            c.from(), c.until())).toList(), sequence), Replica.Steering.ID, Replica.Steering::sequence);
        }
    }

    /**
     * Removes an erased person from every document of the basin's database that copied them (committee replicas,
     * sessions' attendance and recusals, projects' prescriber, mandatary and signatures, histories, recorded answers),
     * then marks the replica erased, last: a consumption cut by a crash runs again with the names still known.
     */
    private void erase(String personId, long sequence) {
        Replica.Person known = mongo.findById(personId, Replica.Person.class);
        if (known != null && known.sequence() >= sequence) {
            return;
        }
        if (known != null && !known.erased()) {
            String first = known.firstName();
            String last = known.lastName();
            if (first == null || last == null) { // kept before the names were apart: « Prénom Nom »
                int space = known.name() == null ? -1 : known.name().indexOf(' ');
                first = space < 0 ? known.name() : known.name().substring(0, space);
                last = space < 0 ? null : known.name().substring(space + 1);
            }
            scrubber.scrub(mongo.getDb(), new PersonalDataScrubber.Subject(first, last, known.email(), null),
                    (collection, id) -> collection.equals("replica_people") && personId.equals(id));
        }
        mongo.save(new Replica.Person(personId, PersonalData.ERASED_NAME, null,
                known == null ? null : known.organisationId(), known == null ? null : known.affiliation(), false, sequence,
                null, null, true));
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
