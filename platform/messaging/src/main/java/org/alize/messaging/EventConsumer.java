package org.alize.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.PurgedBasinException;
import org.alize.tenancy.archive.TenantPurger;
import org.alize.tenancy.BasinId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes CloudEvents once in effect. For each record: checks that it names a valid basin (the
 * listener runs in that basin's context), skips it if this consumer already handled its {@code ce_id},
 * ignores types it does not know (producers may add types), reads the payload into the consumer's class
 * (unknown fields ignored), runs the handler, then records the {@code ce_id} as handled in the basin's
 * {@code processed_events} collection.
 *
 * <p>The marker is written after the handler, so a crash in between runs the handler again: handlers key
 * their effects by something derived from the event (DESIGN.md), and the marker keeps non-idempotent
 * effects from repeating in the ordinary case of redelivery.
 *
 * <p>Each record is observed ({@code alize.events.consume}): a span continuing the trace its {@code traceparent}
 * header carries (the producer's), in which the handler runs, so that the events it raises in turn continue the same
 * trace; and a timer per consumer and topic. Record and batch listeners alike go through here.
 */
public class EventConsumer {

    static final String PROCESSED = "processed_events";
    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final EventTypes types;
    private final JsonMapper json;
    private final MongoTemplate mongo;
    private final ObservationRegistry observations;

    public EventConsumer(EventTypes types, JsonMapper json, MongoTemplate mongo) {
        this(types, json, mongo, ObservationRegistry.NOOP);
    }

    public EventConsumer(EventTypes types, JsonMapper json, MongoTemplate mongo, ObservationRegistry observations) {
        this.types = types;
        this.observations = observations;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.mongo = mongo;
    }

    /**
     * @param consumer a stable name for this consumer within the service ({@code journal-projector}):
     *                 two consumers of the same event in one service each handle it once
     */
    public void consume(String consumer, ConsumerRecord<String, CloudEvent> record, EventHandler handler) {
        consume(consumer, record, handler, true);
    }

    /**
     * For a handler whose every write is already idempotent by itself (documents whose ids derive from the event,
     * upserts that only set on insert): the same checks, but no consumption marker read or written, so an event that
     * asks nothing of a basin costs it no write.
     */
    public void consumeIdempotent(String consumer, ConsumerRecord<String, CloudEvent> record, EventHandler handler) {
        consume(consumer, record, handler, false);
    }

    private void consume(String consumer, ConsumerRecord<String, CloudEvent> record, EventHandler handler, boolean marked) {
        if (observations.isNoop()) {
            consumeObserved(consumer, record, handler, marked);
            return;
        }
        CloudEvent value = record.value();
        Observation.createNotStarted(CONSUME_OBSERVATION,
                        () -> new KafkaRecordReceiverContext(record, consumer, () -> null), observations)
                .contextualName(consumer + " " + (value == null ? "receive" : value.getType()))
                .lowCardinalityKeyValue("consumer", consumer)
                .lowCardinalityKeyValue("topic", record.topic())
                .highCardinalityKeyValue("event.id", value == null ? "none" : value.getId())
                .highCardinalityKeyValue("offset", record.partition() + "@" + record.offset())
                .observe(() -> consumeObserved(consumer, record, handler, marked));
    }

    /** The observation of one record's consumption, a child of the span that published it. */
    public static final String CONSUME_OBSERVATION = "alize.events.consume";

    private void consumeObserved(String consumer, ConsumerRecord<String, CloudEvent> record, EventHandler handler,
            boolean marked) {
        CloudEvent event = record.value();
        if (event == null) {
            throw new InvalidEventException("record " + record.topic() + "@" + record.offset() + " carries no CloudEvent");
        }
        BasinId basin = basinOf(event);
        if (!BasinContext.current().map(basin::equals).orElse(false)) {
            throw new InvalidEventException("event " + event.getId() + " names basin " + basin
                    + " but the record header does not");
        }
        TenantPurger purger = this.purger;
        if (purger != null && TenantPurger.BASIN_PURGED.equals(event.getType())) {
            if (!purger.purged(basin)) { // each consumer of the basin's stream reads it: the first one here purges
                purger.purge(basin, "BasinPurged " + event.getId());
            }
            observer.accept(consumer, "handled");
            return;
        }
        if (purger != null && purger.purged(basin)) {
            log.debug("{} ignores {} of purged basin {}", consumer, event.getType(), basin);
            observer.accept(consumer, "ignored");
            return;
        }
        try {
            String key = consumer + ":" + event.getId();
            if (marked && mongo.exists(query(where("_id").is(key)), PROCESSED)) {
                log.debug("{} already handled {} {}", consumer, event.getType(), event.getId());
                observer.accept(consumer, "duplicate");
                return;
            }
            Optional<ReceivedEvent<?>> received = read(event);
            if (received.isPresent()) {
                handler.handle(received.get());
            } else {
                log.debug("{} ignores unknown event type {}", consumer, event.getType());
            }
            if (purger != null && purger.purged(basin)) {
                throw new PurgedBasinException(basin);
            }
            if (marked) {
                markHandled(key, event);
            }
            observer.accept(consumer, received.isPresent() ? "handled" : "ignored");
        } catch (PurgedBasinException purgedMeanwhile) {
            if (purger == null) {
                throw purgedMeanwhile;
            }
            // purged while the handler ran (another listener read BasinPurged meanwhile): the basin's database is
            // sealed from then on, what the handler wrote before goes too, and no marker brings the database back
            purger.dropAgain(basin);
            log.debug("{} dropped {} of basin {} purged meanwhile", consumer, event.getType(), basin);
            observer.accept(consumer, "ignored");
        }
    }

    private volatile TenantPurger purger;

    /** Purges a basin on {@code BasinPurged} and ignores a purged basin's events (offboarding). */
    public void purgeWith(TenantPurger purger) {
        this.purger = purger;
    }

    private volatile java.util.function.BiConsumer<String, String> observer = (consumer, outcome) -> { };

    /** Tells {@code observer} each event's consumer and outcome: {@code handled}, {@code duplicate} or {@code ignored}. */
    public void observe(java.util.function.BiConsumer<String, String> observer) {
        this.observer = observer;
    }

    /**
     * Reads an event without any bookkeeping (for a replay into fresh read models): its basin, its envelope
     * and its payload; empty for a type this service does not know.
     *
     * @throws InvalidEventException if it names no valid basin or its data does not fit its type
     */
    public Optional<ReceivedEvent<?>> read(CloudEvent event) {
        BasinId basin = basinOf(event);
        return types.forType(event.getType()).map(binding -> new ReceivedEvent<>(event.getId(), event.getType(),
                event.getSource().toString(), event.getSubject(), basin, sequenceOf(event), event.getTime(),
                payload(event, binding)));
    }

    private void markHandled(String key, CloudEvent event) {
        try {
            mongo.insert(new Document("_id", key).append("type", event.getType()).append("at", Instant.now()), PROCESSED);
        } catch (DuplicateKeyException e) {
            log.debug("{} was handled concurrently", key);
        }
    }

    private Object payload(CloudEvent event, EventTypes.Binding binding) {
        if (event.getData() == null) {
            throw new InvalidEventException("event " + event.getId() + " (" + event.getType() + ") has no data");
        }
        try {
            return json.readValue(event.getData().toBytes(), binding.payload());
        } catch (JacksonException e) {
            throw new InvalidEventException("event " + event.getId() + " (" + event.getType() + ") does not fit "
                    + binding.payload().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static BasinId basinOf(CloudEvent event) {
        Object basin = event.getExtension(CloudEventPublisher.BASIN_EXTENSION);
        String value = basin instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(basin);
        if (basin == null || !BasinId.isValid(value)) {
            throw new InvalidEventException("event " + event.getId() + " names no valid basin: " + basin);
        }
        return BasinId.of(value);
    }

    /** A zero-padded string as published now, or a number as records published before carry it. */
    private static long sequenceOf(CloudEvent event) {
        Object sequence = event.getExtension(CloudEventPublisher.SEQUENCE_EXTENSION);
        if (sequence instanceof Number number) {
            return number.longValue();
        }
        try {
            return sequence == null ? 0 : Long.parseLong(sequence.toString());
        } catch (NumberFormatException e) {
            throw new InvalidEventException("event " + event.getId() + " has a non-numeric sequence: " + sequence);
        }
    }
}
