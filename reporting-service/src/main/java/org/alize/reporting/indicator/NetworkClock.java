package org.alize.reporting.indicator;

import java.time.Clock;

import org.alize.tenancy.BasinContext;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A counter of the changes to a generation's indicators, bumped once per batch of events applied: what the
 * network views computed from every basin compare with to know whether they are still current.
 */
@Component
public class NetworkClock {

    static final String COLLECTION = "network_clock";

    private final MongoTemplate mongo;
    private final Clock clock;

    NetworkClock(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void changed(Generation generation) {
        BasinContext.callInNetwork(() -> mongo.upsert(Query.query(Criteria.where("_id").is("stamp")),
                new Update().inc("value", 1L).set("at", clock.instant()), generation.collection(COLLECTION)));
    }

    public long stamp(Generation generation) {
        Document stamp = BasinContext.callInNetwork(() -> mongo.findById("stamp", Document.class,
                generation.collection(COLLECTION)));
        return stamp != null && stamp.get("value") instanceof Number value ? value.longValue() : 0;
    }
}
