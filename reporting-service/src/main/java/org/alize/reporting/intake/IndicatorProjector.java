package org.alize.reporting.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.alize.messaging.ReceivedEvent;
import org.alize.reporting.indicator.BasinFacts;
import org.alize.reporting.indicator.Freshness;
import org.alize.reporting.indicator.IndicatorCalculator;
import org.alize.reporting.indicator.YearIndicators;
import org.alize.tenancy.BasinContext;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies one event: writes its facts (idempotent upserts keyed by business ids), then recomputes every year
 * of the basin from its facts and replaces the basin's indicator documents. Because the indicators are a pure
 * function of the facts, an event applied twice, or a topic replayed, leaves them as they were. Everything
 * lives in {@code reporting_network}, one document per basin and year.
 */
@Component
public class IndicatorProjector {

    private final FactWriter facts;
    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile boolean indexed;

    IndicatorProjector(FactWriter facts, MongoTemplate mongo, Clock clock) {
        this.facts = facts;
        this.mongo = mongo;
        this.clock = clock;
    }

    public void apply(ReceivedEvent<?> event) {
        BasinContext.callInNetwork(() -> {
            ensureIndexes();
            if (facts.write(event)) {
                Freshness freshness = mongo.findAndModify(query(where("_id").is(event.basin().value())),
                        new Update().set("lastEventId", event.id())
                                .set("lastEventType", event.type())
                                .set("lastEventTime", event.time() == null ? null : event.time().toInstant())
                                .set("updatedAt", clock.instant()).inc("eventsApplied", 1),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Freshness.class);
                refresh(event.basin().value(), freshness);
            }
            return null;
        });
    }

    /** The fact collections are read by basin: index them once per JVM (the mapped documents index themselves). */
    private void ensureIndexes() {
        if (!indexed) {
            for (String collection : Facts.ALL) {
                mongo.indexOps(collection).createIndex(new Index("basinId", Sort.Direction.ASC));
            }
            indexed = true;
        }
    }

    /** Recomputes every year of one basin from its facts. Runs in the network scope. */
    public List<YearIndicators> refresh(String basin, Freshness freshness) {
        BasinFacts all = load(basin);
        LocalDate today = LocalDate.now(clock);
        Instant asOf = freshness.lastEventTime() != null ? freshness.lastEventTime() : freshness.updatedAt();
        List<YearIndicators> years = IndicatorCalculator.years(all, today).stream()
                .map(year -> IndicatorCalculator.compute(all, year, today, asOf, freshness.eventsApplied())).toList();
        years.forEach(mongo::save);
        return years;
    }

    BasinFacts load(String basin) {
        return new BasinFacts(basin, find(Facts.PROJECTS, basin), find(Facts.SESSIONS, basin), find(Facts.MEETINGS, basin),
                find(Facts.CONVENTIONS, basin), find(Facts.ADVANCES, basin), find(Facts.MONEY, basin));
    }

    private List<Document> find(String collection, String basin) {
        return mongo.find(query(where("basinId").is(basin)), Document.class, collection);
    }
}
