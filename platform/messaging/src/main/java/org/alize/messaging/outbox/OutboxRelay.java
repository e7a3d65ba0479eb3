package org.alize.messaging.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.tenancy.BasinContext;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes an aggregate's pending events in outbox order, then removes them from its document with
 * {@code $pull}. A failed publish stops at the first failure (order is kept) and is retried with
 * exponential back-off; {@link OutboxRecovery} sweeps whatever a crash left behind. Two instances may
 * publish the same event twice: consumers deduplicate by {@code ce_id}.
 */
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int LOCK_STRIPES = 64;

    private final CloudEventPublisher publisher;
    private final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alize-outbox-retry");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(CloudEventPublisher publisher, MongoTemplate mongo, MongoMappingContext mappingContext,
            Duration firstRetry, Duration maxRetry) {
        this.publisher = publisher;
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Publishes what the aggregate just wrote, in the caller's basin context. */
    void publishPending(AggregateRoot aggregate) {
        Object id = idOf(aggregate);
        Class<? extends AggregateRoot> type = aggregate.getClass();
        synchronized (lockFor(type, id)) {
            List<OutboxEntry> entries = List.copyOf(aggregate.pendingOutbox());
            List<String> published = publishInOrder(entries);
            removePublished(type, id, published);
            aggregate.mutableOutbox().removeIf(entry -> published.contains(entry.eventId()));
            if (published.size() < entries.size()) {
                scheduleRetry(type, id, Tenant.current(), 1);
            }
        }
    }

    /**
     * Publishes whatever the stored document of this aggregate still has pending, in the context
     * currently open. Returns how many events were published; fails if any remain.
     */
    public int drain(Class<? extends AggregateRoot> type, Object id) {
        synchronized (lockFor(type, id)) {
            AggregateRoot stored = mongo.findById(id, type);
            if (stored == null || stored.pendingOutbox().isEmpty()) {
                return 0;
            }
            List<OutboxEntry> entries = stored.pendingOutbox();
            List<String> published = publishInOrder(entries);
            removePublished(type, id, published);
            if (published.size() < entries.size()) {
                throw new IllegalStateException((entries.size() - published.size()) + " event(s) of " + type.getSimpleName()
                        + " " + id + " still unpublished");
            }
            return published.size();
        }
    }

    void scheduleRetry(Class<? extends AggregateRoot> type, Object id, Tenant tenant, int attempt) {
        long delay = Math.min(maxRetry.toMillis(), firstRetry.toMillis() * (1L << Math.min(attempt - 1, 20)));
        retries.schedule(() -> {
            try (BasinContext.Scope ignored = tenant.open()) {
                drain(type, id);
            } catch (RuntimeException e) {
                log.warn("outbox of {} {} in {}: attempt {} failed ({}), retrying", type.getSimpleName(), id, tenant,
                        attempt, e.getMessage());
                scheduleRetry(type, id, tenant, attempt + 1);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private List<String> publishInOrder(List<OutboxEntry> entries) {
        List<String> published = new ArrayList<>();
        for (OutboxEntry entry : entries) {
            try {
                publisher.publish(entry);
                published.add(entry.eventId());
            } catch (RuntimeException e) {
                log.warn("publishing {} {} failed: {}", entry.type(), entry.eventId(), e.getMessage());
                break;
            }
        }
        return published;
    }

    private void removePublished(Class<? extends AggregateRoot> type, Object id, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        mongo.updateFirst(query(where("_id").is(id)),
                new Update().pull("outbox", new Document("eventId", new Document("$in", eventIds))), type);
    }

    private Object idOf(AggregateRoot aggregate) {
        return mappingContext.getRequiredPersistentEntity(aggregate.getClass()).getIdentifierAccessor(aggregate).getIdentifier();
    }

    private Object lockFor(Class<?> type, Object id) {
        return locks[Math.floorMod((type.getName() + '/' + id + '/' + Tenant.current()).hashCode(), LOCK_STRIPES)];
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
