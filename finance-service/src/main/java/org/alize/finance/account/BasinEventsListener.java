package org.alize.finance.account;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.BasinRegistered;
import org.alize.basin.events.BasinStatusChanged;
import org.alize.basin.events.PartnershipConventionSigned;
import org.alize.basin.events.SteeringCommitteeDecided;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the replicas of pledges from basin-service's signed partnership conventions and of the basin's status. */
@Component
class BasinEventsListener {

    private final EventConsumer consumer;
    private final MongoTemplate mongo;
    private final BasinStanding standing;
    private final Approvals approvals;

    BasinEventsListener(EventConsumer consumer, MongoTemplate mongo, BasinStanding standing, Approvals approvals) {
        this.consumer = consumer;
        this.mongo = mongo;
        this.standing = standing;
        this.approvals = approvals;
    }

    @KafkaListener(id = "finance-basins", topics = BasinEvents.TOPIC, groupId = "finance-service")
    void on(ConsumerRecord<String, CloudEvent> record) {
        consumer.consume("basin-pledges", record, this::apply);
    }

    void apply(ReceivedEvent<?> event) {
        if (event.payload() instanceof BasinRegistered) {
            standing.record("PROPOSED", event.sequence());
            return;
        }
        if (event.payload() instanceof BasinStatusChanged changed) {
            standing.record(changed.status(), event.sequence());
            return;
        }
        if (event.payload() instanceof SteeringCommitteeDecided decided) {
            approvals.record(Approvals.STEERING_COMMITTEE, decided.reference(), decided.decidedOn());
            return;
        }
        if (!(event.payload() instanceof PartnershipConventionSigned signed)) {
            return;
        }
        Pledges stored = mongo.findById(signed.conventionId(), Pledges.class);
        if (stored != null && stored.sequence() >= event.sequence()) {
            return;
        }
        List<BigDecimal> reimbursement = new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        signed.budget().stream().filter(line -> "SPENDING".equals(line.kind()) && "OPERATOR_REIMBURSEMENT".equals(line.category()))
                .forEach(line -> reimbursement.set(line.year() - 1, reimbursement.get(line.year() - 1).add(line.amount())));
        mongo.save(new Pledges(signed.conventionId(), signed.startsOn(), signed.endsOn(), signed.pledges().stream()
                .map(p -> new Pledges.Pledge(p.organisationId(), p.organisationName(), p.resourceCategory(), p.cash(),
                        p.skillsValue(), p.inKind())).toList(), reimbursement, event.sequence(),
                signed.operatorOrganisationIds() == null ? List.of() : signed.operatorOrganisationIds()));
    }
}
