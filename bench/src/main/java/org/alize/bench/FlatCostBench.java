package org.alize.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.HdrHistogram.Histogram;
import org.alize.finance.events.ContributionReceived;
import org.alize.finance.events.FinanceEvents;
import org.alize.localstack.LocalStack;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.messaging.outbox.OutboxEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether an event costs reporting-service the same at the start and at the end of a basin's ten years: one
 * basin's template year, then its history of contributions dated over ten years published in bulk up to
 * {@code 500} and then {@code 5,000} money facts; at each size, events sent one at a time, each waited for
 * until reporting has applied it (the basin's {@code eventsApplied}), give the per-event cost. Run twice in
 * one go: without the facts cache ({@code max-documents=0}: every refresh reads the basin's facts from the
 * store, as before) and with it.
 *
 * <p>Arguments: fact counts (default {@code 500,5000}), events measured at each (default 60).
 */
public final class FlatCostBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASIN = "flat";

    private FlatCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = java.util.Arrays.stream((args.length > 0 ? args[0] : "500,5000").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path root = Path.of("").toAbsolutePath();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%n%-14s %8s %9s %9s %9s %9s%n", "facts cache",
                "facts", "p50 ms", "p95 ms", "max ms", "mean ms"));
        for (String cache : new String[] {"0", "30000"}) {
            report.append(run(root, cache, sizes, measured).lines());
        }
        System.out.print(report);
        System.exit(0);
    }

    /**
     * What one run measured: its printed lines, the mean and p50 per-event cost (ms) at each size, and the mean at the
     * largest size over the mean at the smallest.
     */
    public record Result(String lines, double[] means, double[] p50s, double ratio) {
    }

    /** One run, reporting-service with a facts cache of {@code cacheDocuments} (0: none). */
    public static Result run(Path root, String cacheDocuments, int[] sizes, int measured) throws Exception {
        StringBuilder lines = new StringBuilder();
        double[] means = new double[sizes.length];
        double[] p50s = new double[sizes.length];
        try (LocalStack stack = BenchStack.reportingOnly(root, "alize-flat-bench-",
                "-Dalize.reporting.facts-cache.max-documents=" + cacheDocuments);
                MongoClient mongo = MongoClients.create(stack.mongoConnectionString());
                KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new CloudEventSerializer())) {
            new TemplateBasin(BASIN, 2025).publish(stack.kafkaBootstrapServers());
            long published = awaitSettled(mongo); // what of the template year concerns the indicators
            long facts = 0;
            for (int i = 0; i < sizes.length; i++) {
                while (facts < sizes[i]) {
                    send(producer, facts++);
                    published++;
                }
                producer.flush();
                awaitApplied(mongo, published);
                Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
                for (int e = 0; e < measured; e++) {
                    long start = System.nanoTime();
                    send(producer, facts++);
                    producer.flush();
                    awaitApplied(mongo, ++published);
                    histogram.recordValue((System.nanoTime() - start) / 1_000);
                }
                means[i] = histogram.getMean() / 1000.0;
                p50s[i] = histogram.getValueAtPercentile(50) / 1000.0;
                lines.append(String.format(Locale.ROOT, "%-14s %8d %9.1f %9.1f %9.1f %9.1f%n",
                        cacheDocuments.equals("0") ? "off" : "on (" + cacheDocuments + ")", facts,
                        histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
                        histogram.getMaxValue() / 1000.0, means[i]));
            }
        }
        double ratio = means[sizes.length - 1] / means[0];
        lines.append(String.format(Locale.ROOT, "  per-event cost at %d facts / at %d facts = %.2f%n", sizes[sizes.length - 1],
                sizes[0], ratio));
        return new Result(lines.toString(), means, p50s, ratio);
    }

    /** A contribution of the basin's history, its date spread over ten years. */
    private static void send(KafkaProducer<String, CloudEvent> producer, long n) {
        LocalDate on = LocalDate.of(2016, 1, 4).plusDays((n * 7) % 3650);
        ContributionReceived contribution = new ContributionReceived("c" + n, BASIN, "org-COMPANIES", "COMPANIES",
                n % 3 == 0 ? "OPERATING_ACCOUNT" : "ADVANCE_FUND", new BigDecimal("100.00"), on, Instant.now(), "bench");
        OutboxEntry entry = new OutboxEntry(UUID.randomUUID().toString(), FinanceEvents.TOPIC,
                FinanceEvents.CONTRIBUTION_RECEIVED, "/bench", "c" + n, BASIN, n + 1, Instant.now(),
                JSON.writeValueAsString(contribution));
        producer.send(new ProducerRecord<>(entry.topic(), BASIN, CloudEventPublisher.toCloudEvent(entry)));
    }

    /** The basin's events applied once nothing has moved for two seconds. */
    private static long awaitSettled(MongoClient mongo) throws InterruptedException {
        long last = -1;
        long stableSince = System.nanoTime();
        while (true) {
            Document freshness = mongo.getDatabase("reporting_network").getCollection("freshness")
                    .find(new Document("_id", BASIN)).first();
            long applied = freshness == null ? 0 : ((Number) freshness.get("eventsApplied")).longValue();
            if (applied != last) {
                last = applied;
                stableSince = System.nanoTime();
            } else if (applied > 0 && System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(2)) {
                return applied;
            }
            Thread.sleep(100);
        }
    }

    private static void awaitApplied(MongoClient mongo, long events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            Document freshness = mongo.getDatabase("reporting_network").getCollection("freshness")
                    .find(new Document("_id", BASIN)).first();
            if (freshness != null && ((Number) freshness.get("eventsApplied")).longValue() >= events) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting did not apply " + events + " events");
            }
            Thread.sleep(1);
        }
    }
}
