package org.alize.reporting.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.alize.finance.events.AdvanceDisbursed;
import org.alize.finance.events.ContributionReceived;
import org.alize.finance.events.MovementReversed;
import org.alize.finance.events.RepaymentReceived;
import org.alize.messaging.ReceivedEvent;
import org.alize.project.events.ProjectStatusChanged;
import org.alize.project.events.ProjectSubmitted;
import org.alize.reporting.indicator.Facts;
import org.alize.reporting.indicator.Generation;
import org.alize.tenancy.BasinId;
import org.alize.testing.MemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The facts an event stream leaves are a function of the events, not of how they were applied: one at a time (the
 * live intake), held back and bulk-written per poll (a replay), twice (a redelivery), or with the aggregates'
 * streams interleaved otherwise (the topics' partitions read in another order; each aggregate's own events keep
 * theirs, as a partition keeps them). On the embedded store the services run on.
 */
class FactWriterReplayTest {

    private static final BasinId BASIN = BasinId.of("hainaut");
    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();
    private static int databases;


    @Test
    @DisplayName("R-31: the same events applied one by one, in one bulk batch, twice, or interleaved otherwise leave the same facts")
    void sameFactsWhateverTheWayTheEventsCame() {
        List<List<ReceivedEvent<?>>> streams = streams();
        Map<String, List<Document>> oneByOne = apply(interleave(streams, new Random(1)), false, 1);

        assertThat(oneByOne.get(Facts.MONEY)).hasSize(41); // 40 contributions and one reversal
        assertThat(oneByOne.get(Facts.PROJECTS)).hasSize(3);
        assertThat(apply(interleave(streams, new Random(1)), true, 1)).isEqualTo(oneByOne);
        assertThat(apply(interleave(streams, new Random(1)), true, 2)).isEqualTo(oneByOne);
        assertThat(apply(interleave(streams, new Random(7)), true, 1)).isEqualTo(oneByOne);
        assertThat(apply(interleave(streams, new Random(42)), false, 2)).isEqualTo(oneByOne);
    }

    @Test
    @DisplayName("a batch's reads see the facts it holds back: a status after its submission, a reversal after its contribution")
    void readsWithinABatchSeeWhatItHolds() {
        List<ReceivedEvent<?>> events = streams().stream().flatMap(List::stream).toList();

        Map<String, List<Document>> facts = apply(events, true, 1);

        assertThat(facts.get(Facts.PROJECTS)).filteredOn(p -> p.getString("projectId").equals("p1")).singleElement()
                .satisfies(p -> assertThat(p.getString("status")).isEqualTo("APPROVED"));
        assertThat(facts.get(Facts.MONEY)).filteredOn(m -> m.getString("_id").endsWith("rev-1")).singleElement()
                .satisfies(m -> assertThat(m.get("amount", org.bson.types.Decimal128.class).bigDecimalValue()).isEqualByComparingTo("-101"));
    }

    /** Every aggregate's events, in the order it raised them. */
    private static List<List<ReceivedEvent<?>>> streams() {
        List<List<ReceivedEvent<?>>> streams = new ArrayList<>();
        for (String project : List.of("p1", "p2", "p3")) {
            streams.add(List.of(
                    event(1, new ProjectSubmitted(project, "2025-" + project, BASIN.value(), "SME " + project, null, null,
                            "EXISTING_SME_DEVELOPMENT", 4, null, List.of(), LocalDate.of(2025, 3, 4), Instant.EPOCH, "t")),
                    event(2, status(project, "SUBMITTED", "IN_DIAGNOSIS", LocalDate.of(2025, 3, 10))),
                    event(3, status(project, "IN_DIAGNOSIS", "READY_FOR_COMMITTEE", LocalDate.of(2025, 4, 1))),
                    event(4, status(project, "READY_FOR_COMMITTEE", "APPROVED", LocalDate.of(2025, 5, 6)))));
        }
        List<ReceivedEvent<?>> money = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            money.add(event(i, new ContributionReceived("c-" + i, BASIN.value(), "org-1", "PRIVATE", "ADVANCE_FUND",
                    BigDecimal.valueOf(100 + i), LocalDate.of(2025, 1 + i % 12, 1 + i % 28), Instant.EPOCH, "t")));
        }
        money.add(event(41, new MovementReversed(BASIN.value(), "rev-1", "c-1", "CONTRIBUTION", new BigDecimal("101"),
                LocalDate.of(2025, 9, 1), "chèque rejeté", Instant.EPOCH, "t")));
        streams.add(money);
        streams.add(List.of(
                event(1, new AdvanceDisbursed(BASIN.value(), "a-1", "p1", "d-1", LocalDate.of(2025, 6, 2),
                        new BigDecimal("20000"), new BigDecimal("20000"), new BigDecimal("20000"), Instant.EPOCH, "t")),
                event(2, new RepaymentReceived(BASIN.value(), "a-1", "p1", "r-1", LocalDate.of(2025, 7, 1),
                        new BigDecimal("500"), List.of(), new BigDecimal("19500"), 0, Instant.EPOCH, "t"))));
        return streams;
    }

    private static ProjectStatusChanged status(String project, String from, String to, LocalDate on) {
        return new ProjectStatusChanged(BASIN.value(), project, "2025-" + project, from, to, "x", null, on, Instant.EPOCH, "t");
    }

    private static ReceivedEvent<?> event(long sequence, Object payload) {
        return new ReceivedEvent<>(payload.getClass().getSimpleName() + "-" + sequence + "-" + payload.hashCode(),
                payload.getClass().getSimpleName(), "/basins/" + BASIN.value(), null, BASIN, sequence,
                OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), payload);
    }

    /** One merged sequence of the streams, each stream's own order kept, the streams picked at random. */
    private static List<ReceivedEvent<?>> interleave(List<List<ReceivedEvent<?>>> streams, Random random) {
        List<ReceivedEvent<?>> merged = new ArrayList<>();
        List<Integer> positions = new ArrayList<>(Collections.nCopies(streams.size(), 0));
        while (merged.size() < streams.stream().mapToInt(List::size).sum()) {
            int s = random.nextInt(streams.size());
            if (positions.get(s) < streams.get(s).size()) {
                merged.add(streams.get(s).get(positions.get(s)));
                positions.set(s, positions.get(s) + 1);
            }
        }
        return merged;
    }

    /** Applies the events {@code times} times into a fresh database; every fact collection's documents by id. */
    private static Map<String, List<Document>> apply(List<ReceivedEvent<?>> events, boolean batched, int times) {
        MongoTemplate mongo = new MongoTemplate(MONGO.client(), "facts_" + (++databases));
        FactWriter writer = new FactWriter(mongo, new FactsCache(10_000));
        for (int t = 0; t < times; t++) {
            if (batched) {
                writer.batched(Generation.FIRST, () -> events.forEach(e -> writer.write(e, Generation.FIRST)));
            } else {
                events.forEach(e -> writer.write(e, Generation.FIRST));
            }
        }
        Map<String, List<Document>> facts = new TreeMap<>();
        for (String kind : Facts.ALL) {
            List<Document> documents = new ArrayList<>(mongo.findAll(Document.class, kind));
            documents.sort(java.util.Comparator.comparing(d -> d.getString("_id")));
            facts.put(kind, documents);
        }
        return facts;
    }
}
