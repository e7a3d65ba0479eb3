package org.alize.reporting.rebuild;

import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.alize.basin.events.BasinEvents;
import org.alize.finance.events.FinanceEvents;
import org.alize.kernel.problem.Conflict;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.alize.project.events.ProjectEvents;
import org.alize.reporting.indicator.Generation;
import org.alize.reporting.indicator.Generations;
import org.alize.reporting.intake.IndicatorProjector;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.web.Paged;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Replays the three topics from their beginning into a fresh generation of the read models, with a consumer
 * of its own (assigned partitions, no group, nothing committed), so the live consumer goes on meanwhile.
 * Once it has read up to the end offsets taken at its start it compares the two generations, switches the
 * views to the new one, then reads up to the end offsets taken after the switch: whatever the live consumer
 * applied to the former generation in between is applied again, harmlessly, since applying is idempotent.
 * One rebuild at a time; the generation before the replaced one is dropped.
 */
@Service
public class Rebuilder implements DisposableBean {

    static final List<String> TOPICS = List.of(BasinEvents.TOPIC, ProjectEvents.TOPIC, FinanceEvents.TOPIC);
    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);
    private static final int MAX_DIFFERENCES = 20;

    private final KafkaProperties kafka;
    private final EventConsumer events;
    private final IndicatorProjector projector;
    private final Generations generations;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "reporting-rebuild"));
    private final AtomicReference<String> running = new AtomicReference<>();

    Rebuilder(KafkaProperties kafka, EventConsumer events, IndicatorProjector projector, Generations generations,
            MongoTemplate mongo, Clock clock) {
        this.kafka = kafka;
        this.events = events;
        this.projector = projector;
        this.generations = generations;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Rebuild start(String requestedBy) {
        String id = "rb-" + UUID.randomUUID();
        if (!running.compareAndSet(null, id)) {
            throw new Conflict("rebuild.running", "Une reconstruction est déjà en cours (" + running.get()
                    + ") : attendez qu'elle se termine.");
        }
        try {
            Generation live = generations.active();
            Rebuild latest = BasinContext.callInNetwork(() -> mongo.findOne(new org.springframework.data.mongodb.core.query.Query()
                    .with(Sort.by(Sort.Direction.DESC, "generation")).limit(1), Rebuild.class));
            int highest = latest == null ? 0 : latest.generation();
            Generation next = new Generation(Math.max(live.number(), highest) + 1);
            Rebuild rebuild = save(new Rebuild(id, next.number(), live.number(), Rebuild.Status.RUNNING, requestedBy,
                    clock.instant(), null, null, 0, 0, 0, null, null));
            executor.submit(() -> run(rebuild, live, next));
            return rebuild;
        } catch (RuntimeException e) {
            running.set(null);
            throw e;
        }
    }

    /** The rebuilds, the most recent first, by page. */
    public Paged<Rebuild> all(int page, int size) {
        return BasinContext.callInNetwork(() -> Paged.query(mongo,
                new org.springframework.data.mongodb.core.query.Query().with(Sort.by(Sort.Direction.DESC, "requestedAt")
                        .and(Sort.by("_id"))), Rebuild.class, page, size, r -> r));
    }

    public java.util.Optional<Rebuild> find(String id) {
        return java.util.Optional.ofNullable(BasinContext.callInNetwork(() -> mongo.findById(id, Rebuild.class)));
    }

    private void run(Rebuild start, Generation live, Generation next) {
        Rebuild rebuild = start;
        try (KafkaConsumer<String, byte[]> consumer = consumer(start.id())) {
            generations.drop(next);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic,
                        p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Counts counts = new Counts();
            long started = System.nanoTime();
            rebuild = replay(consumer, consumer.endOffsets(partitions), next, counts, rebuild);
            long replayed = System.nanoTime();
            Rebuild.Comparison comparison = compare(live, next);
            long compared = System.nanoTime();
            rebuild = save(rebuild.caughtUp(clock.instant(), comparison));
            generations.activate(next);
            rebuild = replay(consumer, consumer.endOffsets(partitions), next, counts, rebuild);
            rebuild = save(rebuild.switched(clock.instant()));
            log.info("rebuild {}: replay {} ms ({} records), comparison {} ms, switch and tail {} ms", rebuild.id(),
                    (replayed - started) / 1_000_000, counts.read, (compared - replayed) / 1_000_000,
                    (System.nanoTime() - compared) / 1_000_000);
            log.info("rebuild {}: {} polls {} ms, writing {} ms, {} basin refreshes {} ms, progress {} ms", rebuild.id(),
                    counts.polls, counts.polling / 1_000_000, counts.writing / 1_000_000, counts.concludes,
                    counts.concluding / 1_000_000, counts.saving / 1_000_000);
            if (live.number() > 0) {
                generations.drop(new Generation(live.number() - 1));
            }
            log.info("rebuild {} switched the views to {}: {} records read, {} events applied, {} rejected, equal: {}",
                    rebuild.id(), next, rebuild.recordsRead(), rebuild.eventsApplied(), rebuild.recordsRejected(),
                    rebuild.comparison().equal());
        } catch (RuntimeException e) {
            log.error("rebuild {} failed", start.id(), e);
            save(rebuild.failed(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            running.set(null);
        }
    }

    private Rebuild replay(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end, Generation target,
            Counts counts, Rebuild rebuild) {
        CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            // facts for the whole batch first (one bulk write per collection), then each basin touched recomputed once
            Map<String, ReceivedEvent<?>> last = new java.util.LinkedHashMap<>();
            Map<String, Long> applied = new HashMap<>();
            long t0 = System.nanoTime();
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            long t1 = System.nanoTime();
            counts.polling += t1 - t0;
            counts.polls++;
            projector.writeBatch(target, () -> {
                for (ConsumerRecord<String, byte[]> record : records) {
                    counts.read++;
                    try {
                        CloudEvent event = cloudEvents.deserialize(record.topic(), record.headers(), record.value());
                        java.util.Optional<ReceivedEvent<?>> received = events.read(event);
                        if (received.isPresent() && projector.write(received.get(), target)) {
                            counts.applied++;
                            last.put(received.get().basin().value(), received.get());
                            applied.merge(received.get().basin().value(), 1L, Long::sum);
                        }
                    } catch (RuntimeException e) {
                        counts.rejected++;
                        log.debug("rebuild skips {}@{}: {}", record.topic(), record.offset(), e.getMessage());
                    }
                }
            });
            long t2 = System.nanoTime();
            counts.writing += t2 - t1;
            counts.concludes += last.size();
            last.forEach((basin, event) -> projector.conclude(event, applied.get(basin), target));
            long t3 = System.nanoTime();
            counts.concluding += t3 - t2;
            rebuild = save(rebuild.progress(counts.read, counts.applied, counts.rejected));
            counts.saving += System.nanoTime() - t3;
        }
        return rebuild;
    }

    /** The two generations' indicator documents, without what says when they were computed. */
    Rebuild.Comparison compare(Generation live, Generation rebuilt) {
        return BasinContext.callInNetwork(() -> {
            Map<Object, Document> before = documents(live);
            Map<Object, Document> after = documents(rebuilt);
            List<String> differing = new ArrayList<>();
            java.util.Set<Object> ids = new java.util.TreeSet<>(java.util.Comparator.comparing(Object::toString));
            ids.addAll(before.keySet());
            ids.addAll(after.keySet());
            for (Object id : ids) {
                if (!Objects.equals(before.get(id), after.get(id))) {
                    differing.add(id.toString());
                }
            }
            return new Rebuild.Comparison(before.size(), after.size(), differing.isEmpty(),
                    differing.subList(0, Math.min(MAX_DIFFERENCES, differing.size())));
        });
    }

    private Map<Object, Document> documents(Generation generation) {
        Map<Object, Document> documents = new HashMap<>();
        for (Document doc : mongo.findAll(Document.class, generation.indicators())) {
            doc.remove("currentAsOf");
            doc.remove("eventsApplied");
            doc.remove("_class");
            documents.put(doc.get("_id"), doc);
        }
        return documents;
    }

    private KafkaConsumer<String, byte[]> consumer(String rebuildId) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-" + rebuildId);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private Rebuild save(Rebuild rebuild) {
        return BasinContext.callInNetwork(() -> mongo.save(rebuild));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private static final class Counts {
        long read;
        long applied;
        long rejected;
        long polling;
        long writing;
        long concluding;
        long saving;
        long polls;
        long concludes;
    }
}
