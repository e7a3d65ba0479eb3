package org.alize.messaging;

import java.time.OffsetDateTime;

import org.alize.tenancy.BasinId;

/**
 * A consumed event: its envelope attributes and its payload read into the consumer's own class.
 *
 * @param id       {@code ce_id}, the idempotency key
 * @param sequence {@code ce_sequence}, the position of the event in its aggregate's history (from 1)
 */
public record ReceivedEvent<T>(String id, String type, String source, String subject, BasinId basin, long sequence,
        OffsetDateTime time, T payload) {
}
