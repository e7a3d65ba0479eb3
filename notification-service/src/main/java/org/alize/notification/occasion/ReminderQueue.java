package org.alize.notification.occasion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The reminders' queues in the network's database: entries with a {@code fireAt}, claimed one by one for a few minutes
 * (several instances never fire the same one; one that dies leaves its claim to expire), fired in their basin, then
 * removed. Only what is still to fire is there: a day's work follows the reminders due, not the history.
 */
@Component
class ReminderQueue {

    static final int BATCH = 50;
    static final Duration CLAIM = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final Clock clock;

    ReminderQueue(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Fires each entry of {@code type} due by now (at most {@value #BATCH}), in its basin. */
    <T> void fireDue(Class<T> type, Function<T, String> id, Function<T, Instant> fireAt, Function<T, String> basinId,
            Consumer<T> fire) {
        Instant now = clock.instant();
        List<T> due = BasinContext.callInNetwork(() -> mongo.find(query(where("fireAt").lte(now)).with(Sort.by("fireAt"))
                .limit(BATCH), type));
        for (T entry : due) {
            T claimed = BasinContext.callInNetwork(() -> mongo.findAndModify(query(where("_id").is(id.apply(entry))
                    .and("fireAt").is(fireAt.apply(entry))), new Update().set("fireAt", now.plus(CLAIM)),
                    FindAndModifyOptions.options().returnNew(true), type));
            if (claimed != null) {
                BasinContext.runIn(BasinId.of(basinId.apply(entry)), () -> fire.accept(entry));
                BasinContext.callInNetwork(() -> mongo.remove(query(where("_id").is(id.apply(entry))), type));
            }
        }
    }
}
