package org.alize.messaging.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What an administrator does with a parked event: read it, put it back in the relay (once the cause is
 * mended, for instance the broker's size limit raised), or discard it with a reason. Nothing is deleted:
 * the {@link ParkedEvent} keeps who decided what, when and why.
 */
public class OutboxAdministration {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    public OutboxAdministration(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    public List<ParkedEvent> list(ParkedEvent.Status status, int page, int size) {
        try (BasinContext.Scope ignored = BasinContext.openNetwork()) {
            Query query = status == null ? new Query() : query(where("status").is(status.name()));
            return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "parkedAt")).skip((long) page * size).limit(size),
                    ParkedEvent.class);
        }
    }

    public long count(ParkedEvent.Status status) {
        try (BasinContext.Scope ignored = BasinContext.openNetwork()) {
            return mongo.count(status == null ? new Query() : query(where("status").is(status.name())), ParkedEvent.class);
        }
    }

    public Optional<ParkedEvent> get(String eventId) {
        try (BasinContext.Scope ignored = BasinContext.openNetwork()) {
            return Optional.ofNullable(mongo.findById(eventId, ParkedEvent.class));
        }
    }

    /** Puts the aggregate's outbox back in the relay, starting with the parked event; returns how many were published. */
    public ParkedEvent retry(ParkedEvent parked, String by) {
        Class<? extends AggregateRoot> type = aggregateType(parked);
        ParkedEvent retried = parked.resolved(ParkedEvent.Status.RETRIED, by, null, clock.instant());
        try (BasinContext.Scope ignored = tenantOf(parked).open()) {
            mongo.updateFirst(query(where("_id").is(parked.aggregateId()).and("outboxParkedOn").is(parked.id())),
                    new Update().unset("outboxParkedOn"), type);
            relay.forgetFailures(parked.id());
            save(retried);
            resume(type, parked);
        }
        return get(parked.id()).orElse(retried);
    }

    /** Drops the parked event from its aggregate's outbox, keeps why, and lets the events behind it flow. */
    public ParkedEvent discard(ParkedEvent parked, String reason, String by) {
        Class<? extends AggregateRoot> type = aggregateType(parked);
        ParkedEvent discarded = parked.resolved(ParkedEvent.Status.DISCARDED, by, reason, clock.instant());
        try (BasinContext.Scope ignored = tenantOf(parked).open()) {
            mongo.updateFirst(query(where("_id").is(parked.aggregateId())),
                    new Update().pull("outbox", new Document("eventId", parked.id())).unset("outboxParkedOn"), type);
            relay.forgetFailures(parked.id());
            save(discarded);
            resume(type, parked);
        }
        return discarded;
    }

    /** Publishes what the aggregate has pending now; what fails goes back to the relay's back-off. */
    private void resume(Class<? extends AggregateRoot> type, ParkedEvent parked) {
        try {
            relay.drain(type, parked.aggregateId());
        } catch (RuntimeException e) {
            relay.scheduleRetry(type, parked.aggregateId(), tenantOf(parked), 1);
        }
    }

    private void save(ParkedEvent parked) {
        try (BasinContext.Scope ignored = BasinContext.openNetwork()) {
            mongo.save(parked);
        }
    }

    private static Tenant tenantOf(ParkedEvent parked) {
        return parked.basin() == null ? Tenant.NETWORK : new Tenant(BasinId.of(parked.basin()));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends AggregateRoot> aggregateType(ParkedEvent parked) {
        try {
            Class<?> type = Class.forName(parked.aggregateType(), false, OutboxAdministration.class.getClassLoader());
            if (!AggregateRoot.class.isAssignableFrom(type)) {
                throw new IllegalStateException(parked.aggregateType() + " is not an aggregate");
            }
            return (Class<? extends AggregateRoot>) type;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("aggregate type " + parked.aggregateType() + " is unknown to this service", e);
        }
    }
}
