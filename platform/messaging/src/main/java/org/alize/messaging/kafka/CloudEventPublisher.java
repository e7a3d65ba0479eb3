package org.alize.messaging.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.alize.messaging.outbox.OutboxEntry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends outbox entries as CloudEvents 1.0 in Kafka binary mode: attributes in {@code ce_*} headers
 * ({@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_time}, {@code ce_subject}, extensions
 * {@code ce_basinid} and {@code ce_sequence}, a zero-padded string), the JSON payload as the record value, the basin id as
 * the key (one ordered stream per basin). Its template is its own, not a bean, so that Boot's
 * auto-configured {@code KafkaTemplate} stays in place.
 *
 * <p>Traces: the relay publishes later than the request that raised the event, on its own thread. Each publication is
 * observed as a span ({@code alize.outbox.relay}) whose parent is the trace stored with the entry, and the template's
 * own observation adds the producer span and writes its {@code traceparent} on the record, so that a consumer
 * continues the same trace. Without a tracer, the stored {@code traceparent} goes on the record as it is.
 */
public class CloudEventPublisher implements DisposableBean {

    public static final String BASIN_EXTENSION = "basinid";
    public static final String SEQUENCE_EXTENSION = "sequence";

    private final KafkaTemplate<String, CloudEvent> template;
    private final Duration timeout;
    private final ObservationRegistry observations;

    public CloudEventPublisher(KafkaTemplate<String, CloudEvent> template, Duration timeout) {
        this(template, timeout, ObservationRegistry.NOOP);
    }

    public CloudEventPublisher(KafkaTemplate<String, CloudEvent> template, Duration timeout,
            ObservationRegistry observations) {
        this.template = template;
        this.timeout = timeout;
        this.observations = observations;
        if (!observations.isNoop()) {
            template.setObservationRegistry(observations);
            template.setObservationEnabled(true);
        }
    }

    public static CloudEvent toCloudEvent(OutboxEntry entry) {
        return CloudEventBuilder.v1()
                .withId(entry.eventId())
                .withType(entry.type())
                .withSource(URI.create(entry.source()))
                .withSubject(entry.subject())
                .withTime(entry.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension(BASIN_EXTENSION, entry.basinId())
                .withExtension(SEQUENCE_EXTENSION, sequence(entry.sequence()))
                .withData(entry.payload().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /**
     * The CloudEvents sequence extension is a string compared lexicographically: zero-padded to the 19 digits of the
     * largest {@code long}, « 10 » sorts after « 9 » for any consumer that orders by it.
     */
    public static String sequence(long sequence) {
        return String.format("%019d", sequence);
    }

    /** Sends and waits for the broker's acknowledgement; throws if it does not come in time. */
    public void publish(OutboxEntry entry) {
        ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(entry.topic(), entry.basinId(), toCloudEvent(entry));
        if (entry.traceparent() == null) {
            send(entry, record);
        } else if (observations.isNoop()) {
            record.headers().add(TRACEPARENT, entry.traceparent().getBytes(StandardCharsets.UTF_8));
            send(entry, record);
        } else {
            ReceiverContext<Map<String, String>> stored = new ReceiverContext<>(Map::get);
            stored.setCarrier(Map.of(TRACEPARENT, entry.traceparent()));
            stored.setRemoteServiceName("outbox");
            Observation.createNotStarted(RELAY_OBSERVATION, () -> stored, observations)
                    .contextualName("outbox " + entry.type())
                    .lowCardinalityKeyValue("topic", entry.topic())
                    .lowCardinalityKeyValue("event.type", entry.type())
                    .highCardinalityKeyValue("event.id", entry.eventId())
                    .highCardinalityKeyValue("subject", entry.subject())
                    .highCardinalityKeyValue("basin", entry.basinId())
                    .observe(() -> send(entry, record));
        }
    }

    /** The observation of one outbox entry's publication, a child of the span that raised the event. */
    public static final String RELAY_OBSERVATION = "alize.outbox.relay";
    private static final String TRACEPARENT = "traceparent";

    private void send(OutboxEntry entry, ProducerRecord<String, CloudEvent> record) {
        try {
            template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + entry.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("event " + entry.eventId() + " not acknowledged: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        template.destroy();
    }
}
