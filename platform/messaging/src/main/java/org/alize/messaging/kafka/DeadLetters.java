package org.alize.messaging.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends records that failed for good to {@code <topic>-dlt}, same partition, with the original
 * headers and value bytes plus Spring Kafka's exception headers.
 */
public class DeadLetters implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, Object> producerFactory;
    private final DeadLetterPublishingRecoverer recoverer;

    public DeadLetters(Map<String, Object> producerProperties) {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        properties.remove("transactional.id");
        this.producerFactory = new DefaultKafkaProducerFactory<>(properties, new StringSerializer(),
                new DeadLetterValueSerializer());
        this.recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producerFactory)) {
            @Override
            public void accept(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record,
                    org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Exception exception) {
                super.accept(record, consumer, exception);
                observer.accept(record.topic());
            }
        };
    }

    private volatile java.util.function.Consumer<String> observer = topic -> { };

    /** Tells {@code observer} the topic of each record sent to its dead-letter topic. */
    public void observe(java.util.function.Consumer<String> observer) {
        this.observer = observer;
    }

    public DeadLetterPublishingRecoverer recoverer() {
        return recoverer;
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }
}
