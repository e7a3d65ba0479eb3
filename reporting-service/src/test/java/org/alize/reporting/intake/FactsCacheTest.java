package org.alize.reporting.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.alize.reporting.indicator.BasinFacts;
import org.alize.reporting.indicator.Facts;
import org.alize.reporting.indicator.Generation;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class FactsCacheTest {

    private final Generation g = Generation.FIRST;
    private final Map<String, List<Document>> store = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    private Map<String, List<Document>> load() {
        loads.incrementAndGet();
        Map<String, List<Document>> copy = new HashMap<>();
        store.forEach((kind, facts) -> copy.put(kind, new ArrayList<>(facts)));
        return copy;
    }

    private Document write(FactsCache cache, String basin, String id) {
        Document fact = new Document("_id", basin + "/" + id).append("basinId", basin);
        store.computeIfAbsent(Facts.MONEY, k -> new ArrayList<>()).add(fact);
        cache.written(g, basin, Facts.MONEY, fact);
        return fact;
    }

    @Test
    void a_basin_is_read_from_the_store_once_then_kept_as_its_facts_are_written() {
        FactsCache cache = new FactsCache(1_000);
        write(cache, "a", "m1");
        assertThat(cache.facts(g, "a", 1, 1, this::load).money()).hasSize(1);
        for (int n = 2; n <= 50; n++) {
            write(cache, "a", "m" + n);
            BasinFacts facts = cache.facts(g, "a", 1, n, this::load);
            assertThat(facts.money()).hasSize(n);
        }
        assertThat(loads).as("one read of the store for fifty refreshes").hasValue(1);
    }

    @Test
    void facts_that_do_not_account_for_every_event_the_store_applied_are_read_again() {
        FactsCache cache = new FactsCache(1_000);
        write(cache, "a", "m1");
        cache.facts(g, "a", 1, 1, this::load);
        // another instance applied an event for this basin: its fact is in the store, not in this memory
        store.get(Facts.MONEY).add(new Document("_id", "a/elsewhere").append("basinId", "a"));
        write(cache, "a", "m2");

        BasinFacts facts = cache.facts(g, "a", 1, 3, this::load);

        assertThat(facts.money()).hasSize(3);
        assertThat(loads).hasValue(2);
    }

    @Test
    void the_cache_holds_at_most_its_bound_of_facts_the_least_recently_refreshed_basins_dropped_first() {
        FactsCache cache = new FactsCache(100);
        for (int b = 0; b < 10; b++) {
            for (int n = 0; n < 30; n++) {
                write(cache, "b" + b, "m" + n);
            }
            String basin = "b" + b;
            cache.facts(g, basin, 30, 30, () -> Map.of(Facts.MONEY, store.get(Facts.MONEY).stream()
                    .filter(fact -> basin.equals(fact.getString("basinId"))).toList()));
            assertThat(cache.documents()).isLessThanOrEqualTo(100);
        }
    }
}
