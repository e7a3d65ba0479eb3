package org.alize.messaging;

import java.util.Map;

/**
 * The event types of one topic a service produces or consumes: {@code ce_type} (such as
 * {@code alize.project.ProjectApproved.v1}) to the class this service reads or writes it as.
 */
public record EventCatalog(String topic, Map<String, Class<?>> types) {

    public EventCatalog {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("an event catalogue needs a topic");
        }
        types = Map.copyOf(types);
    }

    public static EventCatalog of(String topic, Map<String, Class<?>> types) {
        return new EventCatalog(topic, types);
    }

    public static String deadLetterTopic(String topic) {
        return topic + "-dlt";
    }
}
