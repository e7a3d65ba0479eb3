package org.alize.messaging.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.tenancy.BasinContext;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes an aggregate's pending events in outbox order, off the request thread, then removes them from its document with
 * {@code $pull}. A failed publish stops at the first failure (order is kept) and is retried with
 * exponential back-off; {@link OutboxRecovery} sweeps whatever a crash left behind. Two instances may
 * publish the same event twice: consumers deduplicate by {@code ce_id}.
 *
 * <p>A failure that no retry can mend (a record too large for the broker, a payload that does not
 * serialise) parks the entry after {@code permanentAttempts} tries: the aggregate's outbox halts at it
 * (its later events wait, in order), a {@link ParkedEvent} records it in the network database, it is
 * logged once, and nothing retries it until an administrator does. A broker that is down is not such a
 * failure: that is retried, with back-off capped at {@code maxRetry}, for as long as it lasts.
 */
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int LOCK_STRIPES = 64;
    private static final int PUBLISHING_THREADS = 4;
    private static final int QUEUED_PER_THREAD = 10_000;
    private static final int RECENT_EVENTS = 8_192;

    private final CloudEventPublisher publisher;
    private final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final int permanentAttempts;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];
    /** Permanent failures seen per event id, forgotten once it is published or parked. */
    private final Map<String, Integer> permanentFailures = new ConcurrentHashMap<>();
    /** The ids of the last events this relay published, so that one written twice is not sent twice. */
    private final Map<String, Boolean> published = new LinkedHashMap<>(RECENT_EVENTS, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_EVENTS;
        }
    };
    /** Each serves its stripes' basins in turn: one basin's burst does not queue ahead of another's events. */
    private final TenantFairExecutor[] publishers = new TenantFairExecutor[PUBLISHING_THREADS];
    /** The entries this relay has been handed and not yet published or parked, by event id: the backlog it knows. */
    private final Map<String, java.time.Instant> backlog = new ConcurrentHashMap<>();
    private static final int BACKLOG_TRACKED = 100_000;
    private volatile java.util.function.Consumer<Duration> delays = delay -> { };
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alize-outbox-retry");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(CloudEventPublisher publisher, MongoTemplate mongo, MongoMappingContext mappingContext,
            Duration firstRetry, Duration maxRetry, int permanentAttempts, Clock clock) {
        this.publisher = publisher;
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.permanentAttempts = Math.max(1, permanentAttempts);
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
        for (int i = 0; i < PUBLISHING_THREADS; i++) {
            publishers[i] = new TenantFairExecutor("alize-outbox-publish-" + i, QUEUED_PER_THREAD);
        }
    }

    /**
     * Hands what the aggregate just wrote to a publishing thread and returns at once: the command's answer
     * does not wait for the broker. Each aggregate always goes to the same thread (one per stripe), so its
     * events leave in the order they were raised; a full queue leaves the work to a retry from the stored
     * document, so memory stays bounded however fast commands come.
     */
    void publishPending(AggregateRoot aggregate) {
        if (aggregate.outboxParkedOn() != null || aggregate.pendingOutbox().isEmpty()) {
            return;
        }
        Object id = idOf(aggregate);
        Class<? extends AggregateRoot> type = aggregate.getClass();
        List<OutboxEntry> entries = List.copyOf(aggregate.pendingOutbox());
        track(entries);
        Tenant tenant = Tenant.current();
        try {
            publishers[stripe(type, id, tenant) % publishers.length].execute(tenant, () -> {
                try (BasinContext.Scope ignored = tenant.open()) {
                    publishNow(type, id, entries, tenant);
                } catch (RuntimeException e) {
                    log.warn("outbox of {} {} in {}: publishing failed ({}), retrying", type.getSimpleName(), id, tenant,
                            e.getMessage());
                    scheduleRetry(type, id, tenant, 1);
                }
            });
        } catch (RejectedExecutionException e) {
            scheduleRetry(type, id, tenant, 1);
        }
    }

    private void publishNow(Class<? extends AggregateRoot> type, Object id, List<OutboxEntry> entries, Tenant tenant) {
        synchronized (lockFor(type, id)) {
            Outcome outcome = publishInOrder(type, id, entries);
            removePublished(type, id, outcome.published());
            if (!outcome.parked() && outcome.published().size() < entries.size()) {
                scheduleRetry(type, id, tenant, 1);
            }
        }
    }

    /**
     * Publishes whatever the stored document of this aggregate still has pending, in the context
     * currently open. Returns how many events were published; fails if any remain that are not parked.
     */
    public int drain(Class<? extends AggregateRoot> type, Object id) {
        synchronized (lockFor(type, id)) {
            AggregateRoot stored = mongo.findById(id, type);
            if (stored == null || stored.pendingOutbox().isEmpty() || stored.outboxParkedOn() != null) {
                return 0;
            }
            List<OutboxEntry> entries = stored.pendingOutbox();
            track(entries);
            Outcome outcome = publishInOrder(type, id, entries);
            removePublished(type, id, outcome.published());
            if (!outcome.parked() && outcome.published().size() < entries.size()) {
                throw new IllegalStateException((entries.size() - outcome.published().size()) + " event(s) of "
                        + type.getSimpleName() + " " + id + " still unpublished");
            }
            return outcome.published().size();
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

    /** Hands each publish's delay (from the event's writing to the broker's acknowledgement) to {@code observer}. */
    public void observeDelays(java.util.function.Consumer<Duration> observer) {
        this.delays = observer;
    }

    /** How many events this relay holds that are written and not yet published (nor parked). */
    public int backlog() {
        return backlog.size();
    }

    /** The age of the oldest event this relay holds unpublished; zero when it holds none. */
    public Duration oldestUnpublished() {
        java.time.Instant now = clock.instant();
        return backlog.values().stream().min(java.util.Comparator.naturalOrder()).map(oldest -> Duration.between(oldest, now))
                .filter(age -> !age.isNegative()).orElse(Duration.ZERO);
    }

    private void track(List<OutboxEntry> entries) {
        for (OutboxEntry entry : entries) {
            if (backlog.size() < BACKLOG_TRACKED && entry.time() != null) {
                backlog.putIfAbsent(entry.eventId(), entry.time());
            }
        }
    }

    /** Whether the stored aggregate {@code id} in {@code collection} was already changed by the command {@code key}. */
    boolean alreadyApplied(Object id, String key, String collection) {
        return mongo.exists(query(where("_id").is(id).and("appliedCommands").is(key)), collection);
    }

    /** Forgets the failures counted for an event an administrator puts back. */
    void forgetFailures(String eventId) {
        permanentFailures.remove(eventId);
    }

    private record Outcome(List<String> published, boolean parked) {
    }

    private Outcome publishInOrder(Class<? extends AggregateRoot> type, Object id, List<OutboxEntry> entries) {
        List<String> published = new ArrayList<>();
        for (OutboxEntry entry : entries) {
            if (recentlyPublished(entry.eventId())) {
                // written again by a later save of the same aggregate before its $pull: already on the topic
                backlog.remove(entry.eventId());
                published.add(entry.eventId());
                continue;
            }
            try {
                publisher.publish(entry);
                if (entry.time() != null) {
                    delays.accept(Duration.between(entry.time(), clock.instant()));
                }
                backlog.remove(entry.eventId());
                rememberPublished(entry.eventId());
                published.add(entry.eventId());
                permanentFailures.remove(entry.eventId());
            } catch (RuntimeException e) {
                if (isPermanent(e)) {
                    int failures = permanentFailures.merge(entry.eventId(), 1, Integer::sum);
                    if (failures >= permanentAttempts) {
                        park(type, id, entry, e, failures);
                        return new Outcome(published, true);
                    }
                }
                log.warn("publishing {} {} failed: {}", entry.type(), entry.eventId(), e.getMessage());
                break;
            }
        }
        return new Outcome(published, false);
    }

    /** Failures that the same record will meet again however long we wait. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof SerializationException || cause instanceof InvalidTopicException
                    || cause instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private void park(Class<? extends AggregateRoot> type, Object id, OutboxEntry entry, RuntimeException failure, int attempts) {
        Tenant tenant = Tenant.current();
        String payload = entry.payload() == null ? "" : entry.payload();
        ParkedEvent parked = new ParkedEvent(entry.eventId(), tenant.basin() == null ? null : tenant.basin().value(),
                type.getName(), String.valueOf(id), entry.type(), entry.topic(), entry.sequence(),
                payload.getBytes(StandardCharsets.UTF_8).length,
                payload.substring(0, Math.min(payload.length(), ParkedEvent.PREVIEW_CHARS)), rootMessage(failure),
                attempts, clock.instant(), ParkedEvent.Status.PARKED, null, null, null);
        try (BasinContext.Scope ignored = BasinContext.openNetwork()) {
            mongo.save(parked);
        }
        // recorded first: an outbox is never halted without the record an administrator finds it by
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("outboxParkedOn", entry.eventId()), type);
        permanentFailures.remove(entry.eventId());
        backlog.remove(entry.eventId());
        log.error("outbox of {} {} in {} parked at event {} {} after {} attempt(s): {}", type.getSimpleName(), id, tenant,
                entry.type(), entry.eventId(), attempts, parked.reason());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    private void removePublished(Class<? extends AggregateRoot> type, Object id, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        // by collection name, not entity type: the $pull must not bump the aggregate's @Version, or the next command,
        // which loaded it a moment before the publishing thread got there, would fail on an optimistic lock
        mongo.updateFirst(query(where("_id").is(id)),
                new Update().pull("outbox", new Document("eventId", new Document("$in", eventIds))),
                mongo.getCollectionName(type));
    }

    private Object idOf(AggregateRoot aggregate) {
        return mappingContext.getRequiredPersistentEntity(aggregate.getClass()).getIdentifierAccessor(aggregate).getIdentifier();
    }

    Object lockFor(Class<?> type, Object id) {
        return locks[stripe(type, id, Tenant.current())];
    }

    private static int stripe(Class<?> type, Object id, Tenant tenant) {
        return Math.floorMod((type.getName() + '/' + id + '/' + tenant).hashCode(), LOCK_STRIPES);
    }

    private boolean recentlyPublished(String eventId) {
        synchronized (published) {
            return published.containsKey(eventId);
        }
    }

    private void rememberPublished(String eventId) {
        synchronized (published) {
            published.put(eventId, Boolean.TRUE);
        }
    }

    /** Lets the events handed over finish publishing (a few seconds at most); what is left, recovery sends at the next start. */
    @Override
    public void destroy() {
        for (TenantFairExecutor executor : publishers) {
            executor.shutdown();
        }
        try {
            for (TenantFairExecutor executor : publishers) {
                executor.awaitTermination(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        retries.shutdownNow();
    }
}
