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
 * @param secret              the current secret, sealed ({@link WebhookSecrets}); {@code previousSecret} likewise
 * @param consecutiveFailures failed attempts since the last success, across its deliveries
 * @param secretHint          the current secret's last characters, enough to tell which one a receiver holds
 */
@Document("webhooks")
record Subscription(@Id String id, String url, String description, @Indexed List<String> eventTypes, Status status,
        String secret, String previousSecret, Instant previousSecretUntil, int consecutiveFailures, Instant lastSuccessAt,
        Instant lastFailureAt, Instant disabledAt, String disabledReason, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy, String secretHint) {

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

    /**
     * The secrets (as stored) a delivery is signed with at {@code now}: the current one, and the previous one while it
     * lasts.
     */
    List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }

    /** The hint shown of a new secret (in clear). */
    static String hintOf(String secret) {
        return WebhookSigner.PREFIX + "…" + secret.substring(secret.length() - 6);
    }

    @Override
    public String secretHint() {
        // a webhook stored before the hint was: its secret was kept in clear then
        return secretHint != null ? secretHint : secret != null && !secret.startsWith(WebhookSecrets.PREFIX) ? hintOf(secret)
                : WebhookSigner.PREFIX + "…";
    }

    Subscription changed(String url, String description, List<String> eventTypes, Instant at, String by) {
        return new Subscription(id, url, description, eventTypes, status, secret, previousSecret, previousSecretUntil,
                consecutiveFailures, lastSuccessAt, lastFailureAt, disabledAt, disabledReason, createdAt, createdBy, at, by,
                secretHint);
    }

    /** {@code sealedSecret} signs from now on, under {@code hint}; the current one beside it until {@code previousUntil}. */
    Subscription rotated(String sealedSecret, String hint, String sealedPrevious, Instant previousUntil, Instant at,
            String by) {
        return new Subscription(id, url, description, eventTypes, status, sealedSecret, sealedPrevious, previousUntil,
                consecutiveFailures, lastSuccessAt, lastFailureAt, disabledAt, disabledReason, createdAt, createdBy, at, by,
                hint);
    }

    Subscription enabled(Instant at, String by) {
        return new Subscription(id, url, description, eventTypes, Status.ACTIVE, secret, previousSecret, previousSecretUntil,
                0, lastSuccessAt, lastFailureAt, null, null, createdAt, createdBy, at, by, secretHint);
    }

    Subscription disabled(String reason, Instant at, String by) {
        return new Subscription(id, url, description, eventTypes, Status.DISABLED, secret, previousSecret,
                previousSecretUntil, consecutiveFailures, lastSuccessAt, lastFailureAt, at, reason, createdAt, createdBy, at, by,
                secretHint);
    }
}
