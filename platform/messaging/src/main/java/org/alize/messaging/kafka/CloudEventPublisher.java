package org.alize.messaging.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
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
 */
public class CloudEventPublisher implements DisposableBean {

    public static final String BASIN_EXTENSION = "basinid";
    public static final String SEQUENCE_EXTENSION = "sequence";

    private final KafkaTemplate<String, CloudEvent> template;
    private final Duration timeout;

    public CloudEventPublisher(KafkaTemplate<String, CloudEvent> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
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
        try {
            ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(entry.topic(), entry.basinId(), toCloudEvent(entry));
            if (entry.traceparent() != null) {
                // the trace of the request that raised the event, published later by the relay's own thread
                record.headers().add("traceparent", entry.traceparent().getBytes(StandardCharsets.UTF_8));
            }
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
