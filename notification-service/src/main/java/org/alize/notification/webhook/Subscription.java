package org.alize.notification.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A basin's webhook: the address its events of the chosen types are delivered to, signed with its secret. A rotated
 * secret keeps signing beside the new one until {@code previousSecretUntil}, so that a receiver can switch without
 * losing a delivery. Disabled by its operator, or by the dispatcher after too many consecutive failed attempts.
 *
 * @param consecutiveFailures failed attempts since the last success, across its deliveries
 */
@Document("webhooks")
record Subscription(@Id String id, String url, String description, @Indexed List<String> eventTypes, Status status,
        String secret, String previousSecret, Instant previousSecretUntil, int consecutiveFailures, Instant lastSuccessAt,
        Instant lastFailureAt, Instant disabledAt, String disabledReason, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy) {

    enum Status {
        ACTIVE("Actif"),
        DISABLED("Désactivé");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** The secrets a delivery is signed with at {@code now}: the current one, and the previous one while it lasts. */
    List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }

    /** The secret's last characters, enough to tell which one a receiver holds. */
    String secretHint() {
        return WebhookSigner.PREFIX + "…" + secret.substring(secret.length() - 6);
    }

    Subscription changed(String url, String description, List<String> eventTypes, Instant at, String by) {
        return new Subscription(id, url, description, eventTypes, status, secret, previousSecret, previousSecretUntil,
                consecutiveFailures, lastSuccessAt, lastFailureAt, disabledAt, disabledReason, createdAt, createdBy, at, by);
    }

    Subscription rotated(String newSecret, Instant previousUntil, Instant at, String by) {
        return new Subscription(id, url, description, eventTypes, status, newSecret, secret, previousUntil,
                consecutiveFailures, lastSuccessAt, lastFailureAt, disabledAt, disabledReason, createdAt, createdBy, at, by);
    }

    Subscription enabled(Instant at, String by) {
        return new Subscription(id, url, description, eventTypes, Status.ACTIVE, secret, previousSecret, previousSecretUntil,
                0, lastSuccessAt, lastFailureAt, null, null, createdAt, createdBy, at, by);
    }

    Subscription disabled(String reason, Instant at, String by) {
        return new Subscription(id, url, description, eventTypes, Status.DISABLED, secret, previousSecret,
                previousSecretUntil, consecutiveFailures, lastSuccessAt, lastFailureAt, at, reason, createdAt, createdBy, at, by);
    }
}
