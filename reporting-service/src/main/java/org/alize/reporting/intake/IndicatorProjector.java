package org.alize.reporting.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.alize.kernel.BasinCalendar;
import org.alize.messaging.ReceivedEvent;
import org.alize.reporting.indicator.BasinFacts;
import org.alize.reporting.indicator.Freshness;
import org.alize.reporting.indicator.Generation;
import org.alize.reporting.indicator.Generations;
import org.alize.reporting.indicator.IndicatorCalculator;
import org.alize.reporting.indicator.NetworkClock;
import org.alize.reporting.indicator.YearIndicators;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies one event: writes its facts (idempotent upserts keyed by business ids), then recomputes every year
 * of the basin from its facts and replaces the basin's indicator documents. Because the indicators are a pure
 * function of the facts, an event applied twice, or a topic replayed, leaves them as they were. Everything
 * lives in {@code reporting_network}, one document per basin and year, in the collections of a generation.
 */
@Component
public class IndicatorProjector {

    private final FactWriter facts;
    private final Generations generations;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final NetworkClock networkClock;
    private final FactsCache cache;
    private final Timer refreshes;
    private final Counter applied;
    private final Lock[] basinLocks = new Lock[64];

    IndicatorProjector(FactWriter facts, Generations generations, MongoTemplate mongo, Clock clock,
            NetworkClock networkClock, FactsCache cache, ObjectProvider<MeterRegistry> meters) {
        this.networkClock = networkClock;
        this.cache = cache;
        this.facts = facts;
        this.generations = generations;
        this.mongo = mongo;
        this.clock = clock;
        for (int i = 0; i < basinLocks.length; i++) {
            basinLocks[i] = new ReentrantLock();
        }
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.refreshes = Timer.builder("alize.reporting.refresh")
                .description("Recomputations of a basin's indicators from its facts (one per basin and batch of events)")
                .register(registry);
        this.applied = Counter.builder("alize.reporting.events.applied")
                .description("Events whose facts reached the indicators").register(registry);
    }

    /** Applies a live event to the generation the views read. */
    public void apply(ReceivedEvent<?> event) {
        apply(event, generations.active());
    }

    public void apply(ReceivedEvent<?> event, Generation generation) {
        if (write(event, generation)) {
            conclude(event, 1, generation);
        }
    }

    /**
     * Writes an event's facts only, for a replay that refreshes each basin once per batch; whether the event
     * concerned the indicators.
     */
    public boolean write(ReceivedEvent<?> event, Generation generation) {
        generations.ensureIndexes(generation);
        return BasinContext.callInNetwork(() -> facts.write(event, generation));
    }

    /**
     * Runs {@code writes} ({@link #write} calls of a replay's poll) with their facts sent as one bulk write per
     * collection at the end: a replay's cost per record is the decoding and the computation, not a round trip.
     */
    public void writeBatch(Generation generation, Runnable writes) {
        generations.ensureIndexes(generation);
        BasinContext.callInNetwork(() -> {
            facts.batched(generation, writes);
            return null;
        });
    }

    /**
     * Records that {@code applied} events of a basin, the last of them {@code last}, have been written, and
     * recomputes the basin's years from its facts.
     */
    public void conclude(ReceivedEvent<?> last, long applied, Generation generation) {
        conclude(last.basin(), last, applied, generation);
    }

    /**
     * The same for a batch that may have applied nothing new for {@code basin} ({@code last} null: its records
     * had all been applied before a crash cut the refresh): the basin is recomputed all the same.
     */
    public void conclude(BasinId basin, ReceivedEvent<?> last, long applied, Generation generation) {
        // the topics' listeners run side by side: two refreshes of one basin in turn, so the one that read the
        // most facts is the one saved last (the freshness count, the cache and the saved years move together)
        Lock lock = basinLocks[Math.floorMod(basin.value().hashCode(), basinLocks.length)];
        lock.lock();
        try {
            concludeLocked(basin, last, applied, generation);
        } finally {
            lock.unlock();
        }
    }

    private void concludeLocked(BasinId basin, ReceivedEvent<?> last, long applied, Generation generation) {
        BasinContext.callInNetwork(() -> {
            Update update = new Update().set("updatedAt", clock.instant()).inc("eventsApplied", applied);
            if (last != null) {
                update.set("lastEventId", last.id()).set("lastEventType", last.type())
                        .set("lastEventTime", last.time() == null ? null : last.time().toInstant());
            }
            Freshness freshness = mongo.findAndModify(query(where("_id").is(basin.value())), update,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Freshness.class, generation.freshness());
            refreshes.record(() -> refresh(basin.value(), freshness, generation, applied));
            networkClock.changed(generation);
            this.applied.increment(applied);
            return null;
        });
    }

    /**
     * Recomputes the years and convention terms of one basin that the facts just written can have changed: a
     * fact counts in its own year and in the positions of every year-end after it, so the years from the
     * earliest business date written on (never fewer than last year and this one: a year just ended is
     * completed once more), and the conventions that end on or after its 1 January. When the facts written are
     * not known (a batch redelivered after a crash, a fact without a date), every year. Runs in the network scope.
     */
    List<YearIndicators> refresh(String basin, Freshness freshness, Generation generation, long applied) {
        BasinFacts all = cache.facts(generation, basin, applied, freshness.eventsApplied(), () -> load(basin, generation));
        LocalDate today = BasinCalendar.today(clock);
        LocalDate earliest = FactWriter.takeEarliestWritten(basin);
        int fromYear = earliest == null || earliest.equals(LocalDate.MIN) ? Integer.MIN_VALUE
                : Math.min(earliest.getYear(), today.getYear() - 1);
        Instant asOf = freshness.lastEventTime() != null ? freshness.lastEventTime() : freshness.updatedAt();
        List<YearIndicators> years = IndicatorCalculator.years(all, today).stream().filter(year -> year >= fromYear)
                .map(year -> IndicatorCalculator.compute(all, year, today, asOf, freshness.eventsApplied())).toList();
        years.forEach(year -> mongo.save(year, generation.indicators()));
        all.conventions().stream()
                .filter(convention -> fromYear == Integer.MIN_VALUE || convention.endsOn() == null
                        || !convention.endsOn().isBefore(LocalDate.of(fromYear, 1, 1)))
                .forEach(convention -> mongo.save(IndicatorCalculator.computeConvention(all, convention, today, asOf,
                        freshness.eventsApplied()), generation.conventionIndicators()));
        return years;
    }

    private Map<String, List<Document>> load(String basin, Generation generation) {
        Map<String, List<Document>> facts = new HashMap<>();
        for (String kind : BasinFacts.KINDS) {
            facts.put(kind, find(generation, kind, basin));
        }
        return facts;
    }

    private List<Document> find(Generation generation, String collection, String basin) {
        return mongo.find(query(where("basinId").is(basin)), Document.class, generation.collection(collection));
    }
}
