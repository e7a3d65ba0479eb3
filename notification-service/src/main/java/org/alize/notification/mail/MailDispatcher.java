package org.alize.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.alize.notification.NotificationSettings;
import org.alize.notification.people.Recipient;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.personal.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Sends the mails due and writes the weekly digests due, from the network's queue ({@link MailQueue}). A mail the
 * server refuses is retried with back-off (1, 2, 4… minutes, at most 6 hours apart: about 8 hours of outage in all) and marked failed after
 * {@value #MAX_ATTEMPTS} attempts; without a server every mail is marked not sent. A crash between the server's
 * acceptance and the mail's update sends that mail again once its claim expires: delivery is at least once.
 */
@Component
public class MailDispatcher {

    static final int MAX_ATTEMPTS = 10;
    static final int BATCH = 20;
    /** Items one digest gathers; more wait for the next one, written at once. */
    static final int DIGEST_ITEMS = 50;
    static final Duration CLAIM = Duration.ofMinutes(2);
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailQueue queue;
    private final MongoTemplate mongo;
    private final ObjectProvider<JavaMailSender> sender;
    private final Templates templates;
    private final Notifier notifier;
    private final NotificationSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PersonalData personal;

    MailDispatcher(MailQueue queue, MongoTemplate mongo, ObjectProvider<JavaMailSender> sender, Templates templates,
            Notifier notifier, NotificationSettings settings, Clock clock, MeterRegistry meters, PersonalData personal) {
        this.personal = personal;
        this.queue = queue;
        this.mongo = mongo;
        this.sender = sender;
        this.templates = templates;
        this.notifier = notifier;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${alize.notification.dispatch-interval:PT2S}", initialDelayString = "PT5S")
    void dispatchDue() {
        try {
            for (MailQueue.Outgoing entry : queue.dueMails(clock.instant(), BATCH)) {
                Instant now = clock.instant();
                if (queue.claim(MailQueue.Outgoing.class, entry.id(), entry.dueAt(), now.plus(CLAIM))) {
                    BasinContext.runIn(BasinId.of(entry.basinId()), () -> dispatch(entry));
                }
            }
        } catch (RuntimeException e) {
            log.warn("mail dispatch interrupted: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${alize.notification.digest-interval:PT1M}", initialDelayString = "PT10S")
    void writeDueDigests() {
        try {
            for (MailQueue.DigestDue entry : queue.dueDigests(clock.instant(), BATCH)) {
                Instant now = clock.instant();
                if (queue.claim(MailQueue.DigestDue.class, entry.id(), entry.dueAt(), now.plus(CLAIM))) {
                    BasinContext.runIn(BasinId.of(entry.basinId()), () -> digest(entry, now));
                }
            }
        } catch (RuntimeException e) {
            log.warn("digest writing interrupted: {}", e.toString());
        }
    }

    private void dispatch(MailQueue.Outgoing entry) {
        Mail mail = mongo.findById(entry.mailId(), Mail.class);
        if (mail == null || mail.status() != Mail.Status.PENDING) { // erased, purged, or already done
            queue.done(MailQueue.Outgoing.class, entry.id());
            return;
        }
        String to = personal.open(mail.to()); // an SME head's address is kept sealed with their key
        if (to == null) { // they were erased since: nothing to send, nothing to keep
            mongo.remove(mail);
            queue.done(MailQueue.Outgoing.class, entry.id());
            outcome(mail, "erased");
            return;
        }
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            mongo.save(mail.notSent());
            queue.done(MailQueue.Outgoing.class, entry.id());
            outcome(mail, "not-sent");
            return;
        }
        try {
            smtp.send(message(smtp, mail, to));
            mongo.save(mail.sent(clock.instant()));
            queue.done(MailQueue.Outgoing.class, entry.id());
            outcome(mail, "sent");
        } catch (MailException | MessagingException e) {
            boolean last = mail.attempts() + 1 >= MAX_ATTEMPTS;
            String error = describe(e);
            mongo.save(mail.failed(error.length() > 300 ? error.substring(0, 300) : error, last));
            if (last) {
                queue.done(MailQueue.Outgoing.class, entry.id());
                outcome(mail, "failed");
            } else {
                queue.retryAt(entry.id(), clock.instant().plus(backoff(mail.attempts() + 1)));
                outcome(mail, "retried");
            }
            log.warn("mail {} of {} to {} refused (attempt {}): {}", mail.id(), entry.basinId(), mail.recipientId(),
                    mail.attempts() + 1, error);
        }
    }

    /** What the log says of a refusal: the deepest cause that says something (a connection refused, the server's reply). */
    static String describe(Exception e) {
        Throwable cause = e instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()
                ? send.getFailedMessages().values().iterator().next() : e;
        String said = null;
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                said = t.getMessage().strip();
            }
        }
        return said == null ? cause.getClass().getSimpleName() : said;
    }

    /** 1 minute after the first failure, doubling, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int failures) {
        Duration wait = Duration.ofMinutes(1L << Math.min(failures - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private MimeMessage message(JavaMailSender smtp, Mail mail, String to) throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(to);
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        message.setHeader("X-Alize-Mail-Id", mail.id());
        return message;
    }

    /**
     * One digest for the person: the mails held for it (at most {@value #DIGEST_ITEMS}, the oldest first) in one mail,
     * queued; they are marked as carried by it. Written again after a crash, it keeps its id (the person and the week).
     */
    private void digest(MailQueue.DigestDue entry, Instant now) {
        List<Mail> held = mongo.find(query(where("recipientId").is(entry.personId()).and("status")
                .is(Mail.Status.HELD_FOR_DIGEST)).with(Sort.by("createdAt", "_id")).limit(DIGEST_ITEMS + 1), Mail.class);
        Recipient recipient = mongo.findById(entry.personId(), Recipient.class);
        if (held.isEmpty() || recipient == null || !recipient.reachable()) {
            queue.done(MailQueue.DigestDue.class, entry.id());
            return;
        }
        boolean more = held.size() > DIGEST_ITEMS;
        List<Mail> items = more ? held.subList(0, DIGEST_ITEMS) : held;
        String id = UUID.nameUUIDFromBytes(("digest|" + entry.id() + "|" + items.get(0).id())
                .getBytes(StandardCharsets.UTF_8)).toString();
        BasinId basin = BasinContext.require();
        String subject = "ALIZÉ — votre résumé de la semaine (" + items.size() + " message" + (items.size() > 1 ? "s" : "") + ")";
        Templates.Body body = templates.render("weekly-digest", Map.of("name", recipient.name(), "basinId", basin.value(),
                "subject", subject, "count", items.size(), "preferencesLink", notifier.preferencesLink(basin),
                "items", items.stream().map(m -> Map.of("subject", m.subject(), "text", m.text(),
                        "createdOn", FRENCH_DAY.format(m.createdAt().atZone(MailQueue.PARIS)))).toList()));
        try {
            mongo.insert(new Mail(id, entry.personId(), recipient.email(), null, subject, body.text(), body.html(),
                    Mail.Status.PENDING, 0, null, now, null, "digest " + entry.id(), null, now.plus(Notifier.BODY_KEPT)));
        } catch (DuplicateKeyException written) {
            log.debug("digest {} already written", id);
        }
        queue.send(basin, id, now);
        mongo.updateMulti(query(where("_id").in(items.stream().map(Mail::id).toList())),
                new Update().set("status", Mail.Status.IN_DIGEST).set("digestId", id), Mail.class);
        if (more) {
            queue.retryDigest(entry.id(), now);
        } else {
            queue.done(MailQueue.DigestDue.class, entry.id());
        }
    }

    private void outcome(Mail mail, String outcome) {
        meters.counter("alize.mails", "kind", mail.kind() == null ? "WEEKLY_DIGEST" : mail.kind().name(), "outcome", outcome)
                .increment();
    }
}
