package org.alize.reporting.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.alize.reporting.indicator.BasinFacts;
import org.alize.reporting.indicator.Generation;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The facts of the basins refreshed lately, in memory, kept as the fact writer writes them: a refresh reads
 * a basin's facts from here instead of querying the fact collections (which cost a pass over every basin's
 * facts in the embedded store, and a query per collection anywhere). Held to at most
 * {@code alize.reporting.facts-cache.max-documents} facts (30,000 by default), the basins least recently
 * refreshed dropped first.
 *
 * <p>A basin's facts are trusted only if they account for exactly the events the store has applied for it:
 * each entry carries that count ({@code eventsApplied} of the basin's freshness); when the count after a
 * batch is not the entry's plus the batch's (another instance applied some, or the entry missed a write), the
 * facts are read from the store again.
 */
@Component
class FactsCache {


    private final int maxDocuments;
    private final LinkedHashMap<String, Entry> basins = new LinkedHashMap<>(16, 0.75f, true);
    private int documents;

    FactsCache(@Value("${alize.reporting.facts-cache.max-documents:30000}") int maxDocuments) {
        this.maxDocuments = maxDocuments;
    }

    private static final class Entry {
        /** The basin's facts by kind, each by id, as the indicators read them. */
        private final Map<String, Map<String, Object>> byKind = new HashMap<>();
        private long eventsApplied;
        private int size;
    }

    /** Mirrors a fact the writer has just written (as the store returned it), if the basin is held. */
    synchronized void written(Generation generation, String basin, String kind, Document fact) {
        Entry entry = basins.get(slot(generation, basin));
        if (entry == null || fact == null || !BasinFacts.KINDS.contains(kind)) {
            return;
        }
        Object read = BasinFacts.read(kind, fact);
        if (entry.byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(fact.getString("_id"), read) == null) {
            entry.size++;
            documents++;
        }
    }

    /**
     * The basin's facts once {@code applied} more events have been written, the store now counting
     * {@code eventsApplied}: from memory if the entry accounts for all of them, else read with {@code load}.
     */
    synchronized BasinFacts facts(Generation generation, String basin, long applied, long eventsApplied,
            Supplier<Map<String, List<Document>>> load) {
        String slot = slot(generation, basin);
        Entry entry = basins.get(slot);
        if (entry == null || entry.eventsApplied + applied != eventsApplied) {
            drop(slot);
            entry = new Entry();
            for (Map.Entry<String, List<Document>> kind : load.get().entrySet()) {
                Map<String, Object> byId = new LinkedHashMap<>();
                kind.getValue().forEach(fact -> byId.put(fact.getString("_id"), BasinFacts.read(kind.getKey(), fact)));
                entry.byKind.put(kind.getKey(), byId);
                entry.size += byId.size();
            }
            basins.put(slot, entry);
            documents += entry.size;
        }
        entry.eventsApplied = eventsApplied;
        Map<String, List<Object>> byKind = new HashMap<>();
        entry.byKind.forEach((kind, facts) -> byKind.put(kind, new ArrayList<>(facts.values())));
        BasinFacts facts = BasinFacts.of(basin, byKind);
        evictBeyondBound();
        return facts;
    }

    synchronized int documents() {
        return documents;
    }

    private void evictBeyondBound() {
        Iterator<Map.Entry<String, Entry>> eldest = basins.entrySet().iterator();
        // least recently refreshed first: the basin just refreshed goes last, only if it alone is over the bound
        while (documents > maxDocuments && eldest.hasNext()) {
            documents -= eldest.next().getValue().size;
            eldest.remove();
        }
    }

    private void drop(String slot) {
        Entry gone = basins.remove(slot);
        if (gone != null) {
            documents -= gone.size;
        }
    }

    private static String slot(Generation generation, String basin) {
        return generation + "/" + basin;
    }
}
