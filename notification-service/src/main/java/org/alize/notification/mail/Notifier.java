package org.alize.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.alize.notification.NotificationSettings;
import org.alize.notification.people.Recipient;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.personal.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Writes one kind of mail to one person of the current basin, as they chose: queued at once, held for their weekly
 * digest, or not written at all. A person without an address, or erased, gets nothing. The mail's id comes from its
 * cause and its recipient: the same event consumed again writes nothing, and a mail written but not yet queued (a
 * crash in between) is queued then.
 */
@Component
public class Notifier {

    /** How long a mail's body is kept: 13 months, a year of history and its review. */
    static final java.time.Duration BODY_KEPT = java.time.Duration.ofDays(395);
    static final int BODIES_FORGOTTEN_PER_MAIL = 5;
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final MongoTemplate mongo;
    private final MailQueue queue;
    private final Templates templates;
    private final NotificationSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PersonalData personal;

    Notifier(MongoTemplate mongo, MailQueue queue, Templates templates, NotificationSettings settings, Clock clock,
            MeterRegistry meters, PersonalData personal) {
        this.personal = personal;
        this.mongo = mongo;
        this.queue = queue;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @param cause   what caused it, unique per occasion (the event's {@code ce_id})
     * @param subject the mail's subject
     * @param model   the template's values; {@code name}, {@code basinId}, {@code subject} and {@code preferencesLink} are added
     */
    public void notify(Kind kind, String personId, String cause, String subject, Map<String, Object> model) {
        BasinId basin = BasinContext.require();
        Recipient recipient = personId == null ? null : mongo.findById(personId, Recipient.class);
        if (recipient == null || !recipient.reachable()) {
            log.debug("no {} mail in {} for {}: no address known", kind, basin, personId);
            count(kind, "unreachable");
            return;
        }
        Preferences preferences = preferences(personId);
        Frequency frequency = preferences.of(kind);
        if (frequency == Frequency.NONE) {
            count(kind, "declined");
            return;
        }
        Map<String, Object> values = new HashMap<>(model);
        values.put("name", recipient.name());
        values.put("preferencesLink", preferencesLink(basin));
        write(basin, kind, personId, recipient.email(), cause, subject, values,
                frequency == Frequency.WEEKLY ? Mail.Status.HELD_FOR_DIGEST : Mail.Status.PENDING);
    }

    /**
     * Writes the decision's mail to an SME's head, who is not a person of the register: no account, no preferences, so
     * it is written each time. Their address stays sealed with their own key in the log ({@code to}), opened only to
     * send: once the head is erased the mail can no longer be sent nor say to whom it went. The body does not name them.
     *
     * @param holderKey    the head's key id within the basin ({@code head-<projectId>}), the mail's recipient id
     * @param sealedEmail  their address as the event carries it, sealed
     */
    public void notifyHolder(Kind kind, String holderKey, String sealedEmail, String cause,
            String subject, Map<String, Object> model) {
        BasinId basin = BasinContext.require();
        if (sealedEmail == null || personal.open(sealedEmail) == null) {
            log.debug("no {} mail in {} for {}: no address, or erased", kind, basin, holderKey);
            count(kind, "unreachable");
            return;
        }
        write(basin, kind, holderKey, sealedEmail, cause, subject, new HashMap<>(model), Mail.Status.PENDING);
    }

    /**
     * The mail rendered and written under an id derived from its cause and recipient, then queued (sent, or held for
     * the recipient's digest); written already (the same event consumed again, or a crash before the queue), it is
     * queued as it stands.
     */
    private void write(BasinId basin, Kind kind, String recipientId, String to, String cause, String subject,
            Map<String, Object> values, Mail.Status status) {
        String id = UUID.nameUUIDFromBytes((cause + "|" + kind + "|" + recipientId).getBytes(StandardCharsets.UTF_8))
                .toString();
        values.put("basinId", basin.value());
        values.put("subject", subject);
        Templates.Body body = templates.render(kind.template(), values);
        Instant now = clock.instant();
        Mail mail = new Mail(id, recipientId, to, kind, subject, body.text(), body.html(), status, 0, null, now, null, cause,
                null, now.plus(BODY_KEPT));
        try {
            mongo.insert(mail);
            count(kind, status == Mail.Status.HELD_FOR_DIGEST ? "held" : "queued");
            forgetOldBodies(now);
        } catch (DuplicateKeyException written) {
            mail = mongo.findById(id, Mail.class);
            if (mail == null) {
                return;
            }
        }
        if (mail.status() == Mail.Status.PENDING) {
            queue.send(basin, mail.id(), now);
        } else if (mail.status() == Mail.Status.HELD_FOR_DIGEST) {
            queue.digest(basin, recipientId, now);
        }
    }

    /**
     * The bodies of a few mails older than {@link #BODY_KEPT} are dropped as each new mail is written: the log keeps who
     * was written to, about what, and how it went, not the text (it names people and projects). The cleaning follows
     * the mails written, a handful at a time, and never sweeps a basin's history in one go.
     */
    private void forgetOldBodies(Instant now) {
        // only the mails that still have a body are in bodyUntil's sparse index: the look does not grow with the history
        org.springframework.data.mongodb.core.query.Query old = query(where("bodyUntil").lt(now)
                .and("status").nin(Mail.Status.PENDING, Mail.Status.HELD_FOR_DIGEST)).limit(BODIES_FORGOTTEN_PER_MAIL);
        old.fields().include("_id");
        List<String> ids = mongo.find(old, org.bson.Document.class, "mails").stream().map(d -> d.getString("_id")).toList();
        if (!ids.isEmpty()) {
            mongo.updateMulti(query(where("_id").in(ids)), new Update().set("text", null).set("html", null).unset("bodyUntil"),
                    Mail.class);
        }
    }

    public Preferences preferences(String personId) {
        Preferences stored = mongo.findById(personId, Preferences.class);
        return stored == null ? Preferences.defaults(personId) : stored;
    }

    String preferencesLink(BasinId basin) {
        return settings.consoleUrl().resolve("/bassins/" + basin.value() + "/mes-courriels").toString();
    }

    String link(String path) {
        return settings.consoleUrl().resolve(path).toString();
    }

    private void count(Kind kind, String outcome) {
        meters.counter("alize.notifications", "kind", kind.name(), "outcome", outcome).increment();
    }
}
