package org.alize.messaging.outbox;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An outbox entry that could not be published and will not be retried by itself (too large for the
 * broker, not serialisable): its aggregate's outbox is halted at it, so the aggregate's later events
 * keep their order, while every other aggregate and basin flows. Kept in the service's network
 * database, where an administrator inspects it, retries it or discards it with a reason that stays.
 *
 * @param id             the event's id ({@code ce_id})
 * @param basin          the basin whose aggregate raised it ({@code null} for a network-level aggregate)
 * @param aggregateType  the aggregate's class
 * @param payloadPreview the first characters of the payload: the whole of it stays in the aggregate's document
 */
@Document("outbox_parked")
public record ParkedEvent(@Id String id, String basin, String aggregateType, String aggregateId, String eventType,
        String topic, long sequence, int payloadBytes, String payloadPreview, String reason, int attempts,
        Instant parkedAt, Status status, Instant resolvedAt, String resolvedBy, String resolution) {

    static final int PREVIEW_CHARS = 2_000;

    public enum Status {
        /** halted, waiting for an administrator */
        PARKED,
        /** put back in the relay by an administrator */
        RETRIED,
        /** dropped by an administrator, with the reason kept */
        DISCARDED
    }

    ParkedEvent resolved(Status outcome, String by, String why, Instant at) {
        return new ParkedEvent(id, basin, aggregateType, aggregateId, eventType, topic, sequence, payloadBytes,
                payloadPreview, reason, attempts, parkedAt, outcome, at, by, why);
    }
}
