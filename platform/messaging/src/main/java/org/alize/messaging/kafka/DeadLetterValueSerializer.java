package org.alize.messaging.kafka;

import java.nio.charset.StandardCharsets;

import io.cloudevents.CloudEvent;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a dead letter's value back as the bytes it arrived with: raw bytes for a record that could not
 * be read as a CloudEvent, the data of one that could. The original {@code ce_*} headers travel with it,
 * so a dead letter can be replayed as it was.
 */
public class DeadLetterValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof CloudEvent event) {
            return event.getData() == null ? null : event.getData().toBytes();
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
