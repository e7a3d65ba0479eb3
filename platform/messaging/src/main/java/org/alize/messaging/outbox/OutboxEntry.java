package org.alize.messaging.outbox;

import java.time.Instant;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * An event waiting in its aggregate's document to be published: everything the CloudEvent envelope
 * needs, with the payload already serialised, so that what is published after a crash is exactly what
 * was written.
 */
public record OutboxEntry(String eventId, String topic, String type, String source, String subject, String basinId,
        long sequence, Instant time, String payload, String traceparent) {

    /** @param traceparent the W3C trace of the request that raised the event, carried on the record; may be null */
    @PersistenceCreator
    public OutboxEntry {
    }

    /** An entry raised outside any traced request. */
    public OutboxEntry(String eventId, String topic, String type, String source, String subject, String basinId,
            long sequence, Instant time, String payload) {
        this(eventId, topic, type, source, subject, basinId, sequence, time, payload, null);
    }
}
