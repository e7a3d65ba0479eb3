package org.alize.notification.mail;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mail to one person, as written and then as delivered: the basin's delivery log. Its id is derived from what
 * caused it (the event and the recipient, or the digest's person and week), so a replay writes nothing twice.
 *
 * @param kind      what it is about; null for a weekly digest
 * @param digestId  the digest that carried it, for one held for the weekly digest
 * @param text      the body, plain; null once older than 13 months ({@code Notifier.BODY_KEPT})
 * @param bodyUntil when its body goes; absent once gone, so that the index holds only the mails that still have one
 */
@Document("mails")
public record Mail(@Id String id, @Indexed String recipientId, String to, Kind kind, String subject, String text, String html,
        Status status, int attempts, String lastError, Instant createdAt, Instant sentAt, String cause, String digestId,
        @Indexed(sparse = true) Instant bodyUntil) {

    public enum Status {
        /** Waiting for the dispatcher (retried with back-off after a failure). */
        PENDING("À envoyer"),
        /** Waiting for its person's weekly digest. */
        HELD_FOR_DIGEST("Pour le résumé hebdomadaire"),
        /** Sent inside a weekly digest. */
        IN_DIGEST("Envoyé dans un résumé"),
        SENT("Envoyé"),
        /** Refused by the server after every retry. */
        FAILED("Échec"),
        /** No SMTP server is configured: written, never sent. */
        NOT_SENT("Non envoyé (aucun serveur de courrier)");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    Mail sent(Instant at) {
        return new Mail(id, recipientId, to, kind, subject, text, html, Status.SENT, attempts + 1, null, createdAt, at, cause,
                digestId, bodyUntil);
    }

    Mail failed(String error, boolean last) {
        return new Mail(id, recipientId, to, kind, subject, text, html, last ? Status.FAILED : Status.PENDING, attempts + 1,
                error, createdAt, sentAt, cause, digestId, bodyUntil);
    }

    Mail notSent() {
        return new Mail(id, recipientId, to, kind, subject, text, html, Status.NOT_SENT, attempts, null, createdAt, null, cause,
                digestId, bodyUntil);
    }
}
