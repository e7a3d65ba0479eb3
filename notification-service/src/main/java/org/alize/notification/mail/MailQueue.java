package org.alize.notification.mail;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What is due, across basins, in the network's database: the mails to send ({@code outgoing}) and the weekly digests
 * to write ({@code digests}). Only what is pending is there (an entry goes once done), so the dispatcher's work
 * follows the mails to send, not the history; the mails themselves, with the addresses, stay in their basin's
 * database. An entry is claimed for a lease before it is worked on, so several instances never send the same mail
 * at the same time; an instance that dies leaves its claim to expire.
 */
@Component
public class MailQueue {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalTime DIGEST_TIME = LocalTime.of(8, 0);

    /** A mail to send in a basin, from {@code dueAt}. */
    @Document("outgoing")
    record Outgoing(@Id String id, String basinId, String mailId, Instant dueAt) {
    }

    /** A person's digest to write in a basin, from {@code dueAt} (the Monday morning after the first mail held). */
    @Document("digests")
    record DigestDue(@Id String id, String basinId, String personId, Instant dueAt) {
    }

    private final MongoTemplate mongo;

    MailQueue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Queues a mail (once however often it is asked). */
    void send(BasinId basin, String mailId, Instant from) {
        String id = basin.value() + "/" + mailId;
        BasinContext.callInNetwork(() -> mongo.upsert(query(where("_id").is(id)), new Update()
                .setOnInsert("basinId", basin.value()).setOnInsert("mailId", mailId).setOnInsert("dueAt", from), Outgoing.class));
    }

    /** Makes sure the person's digest is due, the Monday morning (Paris time) after {@code now} at the latest. */
    void digest(BasinId basin, String personId, Instant now) {
        String id = basin.value() + "/" + personId;
        BasinContext.callInNetwork(() -> mongo.upsert(query(where("_id").is(id)), new Update()
                .setOnInsert("basinId", basin.value()).setOnInsert("personId", personId)
                .setOnInsert("dueAt", nextDigest(now)), DigestDue.class));
    }

    /** The first Monday at 8:00 in Paris strictly after {@code now}. */
    static Instant nextDigest(Instant now) {
        ZonedDateTime local = now.atZone(PARIS);
        ZonedDateTime monday = local.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).with(DIGEST_TIME);
        if (!monday.isAfter(local)) {
            monday = local.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(DIGEST_TIME);
        }
        return monday.toInstant();
    }

    List<Outgoing> dueMails(Instant now, int limit) {
        return BasinContext.callInNetwork(() -> mongo.find(query(where("dueAt").lte(now))
                .with(Sort.by("dueAt")).limit(limit), Outgoing.class));
    }

    List<DigestDue> dueDigests(Instant now, int limit) {
        return BasinContext.callInNetwork(() -> mongo.find(query(where("dueAt").lte(now))
                .with(Sort.by("dueAt")).limit(limit), DigestDue.class));
    }

    /** Claims an entry until {@code until}; false if another instance claimed it first. */
    <T> boolean claim(Class<T> type, String id, Instant seenDueAt, Instant until) {
        return BasinContext.callInNetwork(() -> mongo.findAndModify(query(where("_id").is(id).and("dueAt").is(seenDueAt)),
                new Update().set("dueAt", until), FindAndModifyOptions.options().returnNew(true), type)) != null;
    }

    void retryAt(String outgoingId, Instant at) {
        BasinContext.callInNetwork(() -> mongo.updateFirst(query(where("_id").is(outgoingId)), new Update().set("dueAt", at),
                Outgoing.class));
    }

    void retryDigest(String digestId, Instant at) {
        BasinContext.callInNetwork(() -> mongo.updateFirst(query(where("_id").is(digestId)), new Update().set("dueAt", at),
                DigestDue.class));
    }

    <T> void done(Class<T> type, String id) {
        BasinContext.callInNetwork(() -> mongo.remove(query(where("_id").is(id)), type));
    }

    /** Entries left for a basin (its purge leaves them; the dispatcher drops those whose mail is gone). */
    long pendingFor(BasinId basin) {
        return BasinContext.callInNetwork(() -> mongo.count(query(where("basinId").is(basin.value())), Outgoing.class));
    }
}
