package org.alize.messaging.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published: everything the CloudEvent envelope
 * needs, with the payload already serialised, so that what is published after a crash is exactly what
 * was written.
 */
public record OutboxEntry(String eventId, String topic, String type, String source, String subject, String basinId,
        long sequence, Instant time, String payload) {
}
