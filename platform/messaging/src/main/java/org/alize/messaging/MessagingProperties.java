package org.alize.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code alize.messaging.*}: topic layout, outbox relay timing and consumer retries.
 *
 * @param topics   partitions and replicas of the topics this service declares (and their dead-letter topics)
 * @param outbox   how long a publish may wait for the broker, the retry back-off, the recovery sweep period, and
 *                 how often a failure no retry can mend is tried before its entry is parked (the largest event a
 *                 command may raise, {@code alize.messaging.outbox.max-event-bytes}, is read by the outbox
 *                 callbacks before these properties are bound)
 * @param consumer how often a failing record is retried before it goes to the dead-letter topic, and this instance's
 *                 stable name for static group membership ({@code instance-id}, none by default: dynamic membership),
 *                 and how often its consumer groups' lag is measured ({@code lag-interval}, 0 for never)
 */
@ConfigurationProperties("alize.messaging")
public record MessagingProperties(@DefaultValue Topics topics, @DefaultValue Outbox outbox, @DefaultValue Consumer consumer) {

    public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {
    }

    public record Outbox(@DefaultValue("5s") Duration publishTimeout, @DefaultValue("1s") Duration firstRetry,
            @DefaultValue("1m") Duration maxRetry, @DefaultValue("30s") Duration sweepInterval,
            @DefaultValue("3") int permanentAttempts) {
    }

    public record Consumer(@DefaultValue("3") int retries, @DefaultValue("500ms") Duration backOff, String instanceId,
            @DefaultValue("30s") Duration lagInterval) {
    }
}
