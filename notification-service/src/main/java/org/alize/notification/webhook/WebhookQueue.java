package org.alize.notification.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What the webhooks have to do, across basins, in the network's database: a delivery to attempt, or a finished one to
 * remove from its basin's log once its retention is over. One entry per delivery, only while it has something due, so
 * the dispatcher's work follows the deliveries of the moment, not the history. An entry is claimed for a lease before it
 * is worked on (several instances never attempt the same delivery at once; a dead one's claim expires).
 */
@Component
class WebhookQueue {

    enum Purpose {
        SEND, FORGET
    }

    @Document("webhook_queue")
    record Due(@Id String id, @Indexed String basinId, String deliveryId, Purpose purpose, @Indexed Instant dueAt) {
    }

    private final MongoTemplate mongo;

    WebhookQueue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Queues a delivery's attempt (once however often it is asked). */
    void send(BasinId basin, String deliveryId, Instant at) {
        set(basin, deliveryId, Purpose.SEND, at, true);
    }

    /** The next attempt of a delivery already queued, or its retry after a redelivery. */
    void sendAgain(BasinId basin, String deliveryId, Instant at) {
        set(basin, deliveryId, Purpose.SEND, at, false);
    }

    /** The finished delivery leaves the log at {@code at}. */
    void forget(BasinId basin, String deliveryId, Instant at) {
        set(basin, deliveryId, Purpose.FORGET, at, false);
    }

    private void set(BasinId basin, String deliveryId, Purpose purpose, Instant at, boolean onlyIfNew) {
        String id = basin.value() + "/" + deliveryId;
        Update update = onlyIfNew
                ? new Update().setOnInsert("purpose", purpose).setOnInsert("dueAt", at)
                : new Update().set("purpose", purpose).set("dueAt", at);
        BasinContext.callInNetwork(() -> mongo.upsert(query(where("_id").is(id)), update
                .setOnInsert("basinId", basin.value()).setOnInsert("deliveryId", deliveryId), Due.class));
    }

    /** Entries due, the oldest first, leaving out the basins named (those with enough in flight). */
    List<Due> due(Instant now, Collection<String> busyBasins, int limit) {
        Criteria due = where("dueAt").lte(now);
        if (!busyBasins.isEmpty()) {
            due = due.and("basinId").nin(new ArrayList<>(busyBasins));
        }
        Criteria criteria = due;
        return BasinContext.callInNetwork(() -> mongo.find(query(criteria).with(Sort.by("dueAt")).limit(limit), Due.class));
    }

    /** Claims an entry until {@code until}; false if another instance claimed it first. */
    boolean claim(Due entry, Instant until) {
        return BasinContext.callInNetwork(() -> mongo.findAndModify(query(where("_id").is(entry.id()).and("dueAt")
                .is(entry.dueAt())), new Update().set("dueAt", until), FindAndModifyOptions.options().returnNew(true),
                Due.class)) != null;
    }

    void done(Due entry) {
        BasinContext.callInNetwork(() -> mongo.remove(query(where("_id").is(entry.id())), Due.class));
    }

    long pending(BasinId basin) {
        return BasinContext.callInNetwork(() -> mongo.count(query(where("basinId").is(basin.value())), Due.class));
    }
}
