package org.alize.notification.people;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person of the basin as basin-service last published them (latest {@code ce_sequence} wins): who mails can go to.
 * An erased person keeps only their id, so that a replay of their older events does not bring the address back.
 */
@Document("recipients")
public record Recipient(@Id String personId, String name, String email, @Indexed String organisationId, boolean inActivity,
        boolean erased, long sequence) {

    /** Whether a mail can be written to them: known address, not erased. */
    public boolean reachable() {
        return !erased && email != null && !email.isBlank();
    }
}
