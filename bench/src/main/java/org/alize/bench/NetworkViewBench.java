package org.alize.bench;

import static com.mongodb.client.model.Filters.eq;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.alize.localstack.LocalStack;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.HdrHistogram.Histogram;

/**
 * Latency of reporting-service's network view ({@code GET /api/network/indicators?year=}) and of a basin's
 * view (which reads every basin's year for the quartiles) at 100 and 1,000 basins with ten years of history
 * each. For each size: a fresh stack with reporting-service alone; a template basin's year sent through Kafka
 * so the service writes a real indicator document; that document copied to every basin and year with varied
 * figures; then a calibration (sequential calls) and an open-loop run at half the measured capacity.
 *
 * <p>Arguments: basin counts (default {@code 100,1000}), years (default 10), seconds per run (default 20).
 */
public final class NetworkViewBench {

    private static final int FIRST_YEAR = 2016;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private NetworkViewBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length > 0 ? java.util.Arrays.stream(args[0].split(",")).map(Integer::parseInt).toList()
                : List.of(100, 1000);
        int years = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path root = Path.of("").toAbsolutePath();
        Map<Integer, Map<String, Histogram>> results = new LinkedHashMap<>();
        for (int basins : sizes) {
            results.put(basins, run(root, basins, years, seconds));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "reporting-service, %d years per basin, open loop at half capacity, %d s per run%n",
                years, seconds);
        System.out.printf(Locale.ROOT, "%-8s %-14s %8s %8s %8s %8s %8s %8s%n", "basins", "view", "rate/s", "p50 ms",
                "p90 ms", "p99 ms", "max ms", "count");
        results.forEach((basins, byView) -> byView.forEach((view, h) -> System.out.printf(Locale.ROOT,
                "%-8d %-14s %8.1f %8.1f %8.1f %8.1f %8.1f %8d%n", basins, view, rate(h), ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()), h.getTotalCount())));
        if (sizes.size() >= 2) {
            int small = sizes.get(0);
            int large = sizes.get(sizes.size() - 1);
            for (String view : results.get(small).keySet()) {
                double ratio = (double) results.get(large).get(view).getValueAtPercentile(50)
                        / results.get(small).get(view).getValueAtPercentile(50);
                System.out.printf(Locale.ROOT, "%s: p50 at %d basins / p50 at %d basins = %.1f (basins × %.0f)%n", view,
                        large, small, ratio, (double) large / small);
            }
        }
        System.exit(0);
    }

    /** The latencies of the network view and of a basin's view with its quartiles, {@code basins} of {@code years} each. */
    public static Map<String, Histogram> run(Path root, int basins, int years, int seconds) throws Exception {
        try (LocalStack stack = BenchStack.reportingOnly(root, "alize-bench-");
                MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
            URI base = stack.serviceUrls().get("reporting");
            int year = FIRST_YEAR + years - 1;
            new TemplateBasin(year).publish(stack.kafkaBootstrapServers());
            MongoDatabase db = mongo.getDatabase("reporting_network");
            Document template = awaitTemplate(db.getCollection("indicators"), year);
            long loading = System.nanoTime();
            load(db, template, basins, years);
            System.out.printf(Locale.ROOT, "%d basins × %d years loaded in %.1f s%n", basins, years,
                    (System.nanoTime() - loading) / 1e9);

            String network = stack.issuer().token("bench").networkRoles("NETWORK_ADMIN").sign();
            String operator = stack.issuer().token("bench-op").basin("b0001", "OPERATOR").sign();
            Map<String, Histogram> byView = new LinkedHashMap<>();
            byView.put("network", measure(URI.create(base + "/api/network/indicators?year=" + year), network, seconds));
            byView.put("basin+quartiles", measure(URI.create(base + "/api/basins/b0001/indicators?year=" + year), operator,
                    seconds));
            return byView;
        }
    }

    private static Document awaitTemplate(MongoCollection<Document> indicators, int year) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Document doc = indicators.find(eq("_id", TemplateBasin.BASIN + "/" + year)).first();
            if (doc != null && ((Document) doc.get("activity")).getInteger("projectsApproved") == 12
                    && ((Document) doc.get("network")).getInteger("meetingsHeld") == 3) {
                return doc;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the template basin's indicators never reached 12 approvals and 3 meetings");
    }

    /** Copies the template's shape to every basin and year, varying the figures a network view ranks. */
    private static void load(MongoDatabase db, Document template, int basins, int years) {
        Random random = new Random(42);
        String json = template.toJson();
        List<Document> batch = new ArrayList<>();
        List<Document> names = new ArrayList<>();
        List<Document> freshness = new ArrayList<>();
        for (int b = 1; b <= basins; b++) {
            String basin = String.format(Locale.ROOT, "b%04d", b);
            names.add(new Document("_id", basin).append("basinId", basin).append("name", "Bassin " + b));
            freshness.add(new Document("_id", basin).append("lastEventId", "bench").append("lastEventType", "bench")
                    .append("lastEventTime", java.util.Date.from(Instant.now())).append("eventsApplied", 1000L));
            for (int y = FIRST_YEAR; y < FIRST_YEAR + years; y++) {
                Document doc = Document.parse(json);
                doc.put("_id", basin + "/" + y);
                doc.put("basinId", basin);
                doc.put("year", y);
                Document activity = (Document) doc.get("activity");
                activity.put("sessionsHeld", 3 + random.nextInt(9));
                activity.put("projectsExamined", 5 + random.nextInt(20));
                activity.put("projectsApproved", 3 + random.nextInt(15));
                ((Document) doc.get("jobs")).put("forecast", 20 + random.nextInt(100));
                ((Document) doc.get("fund")).put("balance", new Decimal128(java.math.BigDecimal.valueOf(
                        200_000_00L + random.nextInt(400_000_00), 2)));
                batch.add(doc);
                if (batch.size() == 1000) {
                    db.getCollection("indicators").insertMany(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            db.getCollection("indicators").insertMany(batch);
        }
        db.getCollection("fact_basins").insertMany(names);
        db.getCollection("freshness").insertMany(freshness);
    }

    /** Calibrates with sequential calls, then sends at half that capacity for {@code seconds}, on schedule. */
    private static Histogram measure(URI uri, String token, int seconds) throws Exception {
        for (int i = 0; i < 30; i++) {
            call(uri, token).join();
        }
        long start = System.nanoTime();
        int calibration = 20;
        for (int i = 0; i < calibration; i++) {
            call(uri, token).join();
        }
        double serviceMs = (System.nanoTime() - start) / 1e6 / calibration;
        double rate = Math.max(0.5, 500.0 / serviceMs);
        long intervalNanos = (long) (1e9 / rate);
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(2), 3);
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        long begin = System.nanoTime();
        long end = begin + TimeUnit.SECONDS.toNanos(seconds);
        for (long intended = begin; intended < end; intended += intervalNanos) {
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long scheduled = intended;
            calls.add(call(uri, token).thenAccept(status -> {
                if (status != 200) {
                    failures.incrementAndGet();
                }
                synchronized (histogram) {
                    histogram.recordValue(System.nanoTime() - scheduled);
                }
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        histogram.setStartTimeStamp(0);
        histogram.setEndTimeStamp(TimeUnit.SECONDS.toMillis(seconds));
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " calls to " + uri + " did not answer 200");
        }
        System.out.printf(Locale.ROOT, "%s: sequential %.1f ms a call, open loop at %.1f/s%n", uri.getPath(), serviceMs, rate);
        return histogram;
    }

    private static CompletableFuture<Integer> call(URI uri, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).GET().build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private static double rate(Histogram h) {
        return h.getTotalCount() * 1000.0 / (h.getEndTimeStamp() - h.getStartTimeStamp());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
