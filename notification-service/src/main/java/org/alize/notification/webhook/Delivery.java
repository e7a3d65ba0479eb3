package org.alize.notification.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event for one webhook, as delivered: the delivery log. Its id (the {@code webhook-id} header, the same at every
 * attempt) is derived from the subscription and the event, so an event read twice is delivered once, and a receiver
 * deduplicates on it. The body keeps personal data sealed as the event carries it; it is opened when sent.
 *
 * @param tries    attempts in the current round (a redelivery starts a new one)
 * @param attempts the last {@value #KEPT_ATTEMPTS} attempts, oldest first
 */
@Document("webhook_deliveries")
@CompoundIndex(name = "subscription_created", def = "{'subscriptionId': 1, 'createdAt': -1}")
record Delivery(@Id String id, String subscriptionId, String eventId, String eventType, String body, Status status,
        int tries, List<Attempt> attempts, Instant createdAt, Instant nextAttemptAt, Instant finishedAt) {

    static final int KEPT_ATTEMPTS = 20;

    enum Status {
        PENDING("À livrer"),
        DELIVERED("Livré"),
        /** Refused at every attempt of its round. */
        FAILED("Échec"),
        /** Its subscription was disabled before it could be delivered. */
        CANCELLED("Annulé");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * One call to the receiver.
     *
     * @param statusCode the answer's status, null when there was none (refused, timed out, address refused)
     * @param error      what went wrong, in French; null for a success
     * @param answer     the first characters of the answer's body
     */
    record Attempt(Instant at, Integer statusCode, String error, String answer, long durationMs) {
    }

    Delivery delivered(Attempt attempt) {
        return new Delivery(id, subscriptionId, eventId, eventType, body, Status.DELIVERED, tries + 1, with(attempt), createdAt,
                null, attempt.at());
    }

    Delivery failed(Attempt attempt, Instant retryAt) {
        boolean last = retryAt == null;
        return new Delivery(id, subscriptionId, eventId, eventType, body, last ? Status.FAILED : Status.PENDING, tries + 1,
                with(attempt), createdAt, retryAt, last ? attempt.at() : null);
    }

    Delivery cancelled(Instant at) {
        return new Delivery(id, subscriptionId, eventId, eventType, body, Status.CANCELLED, tries, attempts, createdAt, null, at);
    }

    Delivery again(Instant at) {
        return new Delivery(id, subscriptionId, eventId, eventType, body, Status.PENDING, 0, attempts, createdAt, at, null);
    }

    private List<Attempt> with(Attempt attempt) {
        List<Attempt> all = new ArrayList<>(attempts == null ? List.of() : attempts);
        all.add(attempt);
        return all.size() > KEPT_ATTEMPTS ? List.copyOf(all.subList(all.size() - KEPT_ATTEMPTS, all.size())) : all;
    }
}
