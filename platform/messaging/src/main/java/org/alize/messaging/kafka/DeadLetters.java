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
        this.recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producerFactory));
    }

    public DeadLetterPublishingRecoverer recoverer() {
        return recoverer;
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }
}
