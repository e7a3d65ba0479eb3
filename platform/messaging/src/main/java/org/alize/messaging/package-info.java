/**
 * Events between services: CloudEvents 1.0 in Kafka binary mode ({@code ce_*} headers, JSON body, key =
 * basin id), written first into an outbox embedded in the aggregate's own document and published by
 * the {@link org.alize.messaging.outbox.OutboxRelay} right after the write, consumed once in effect
 * by {@link org.alize.messaging.EventConsumer}, with malformed records sent to {@code <topic>-dlt}.
 *
 * <p>A service declares the event types it produces or consumes as {@link org.alize.messaging.EventCatalog}
 * beans built from its contracts modules; type mapping is by logical id ({@code ce_type}), so producer
 * and consumer keep their own classes.
 */
package org.alize.messaging;
