package org.alize.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.alize.localstack.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long reporting-service takes to rebuild its read models from the topics: N basins each with one year of
 * the template's events (about 70) are published and taken in live, then a rebuild is asked for and timed until
 * it has switched. Prints records read, events applied, duration, throughput and whether it equals the live models.
 *
 * <p>Arguments: basin counts (default {@code 20,100}).
 */
public final class RebuildBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RebuildBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length > 0 ? java.util.Arrays.stream(args[0].split(",")).map(Integer::parseInt).toList()
                : List.of(20, 100);
        Path root = Path.of("").toAbsolutePath();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%n%-8s %10s %10s %10s %12s %8s%n", "basins",
                "records", "applied", "seconds", "records/s", "equal"));
        for (int basins : sizes) {
            report.append(run(root, basins).line());
        }
        System.out.print(report);
        System.exit(0);
    }

    /** One rebuild: records read, events applied, its duration from the request to the switch, and its verdict. */
    public record Result(int basins, long read, long applied, double seconds, boolean equal) {

        public double perSecond() {
            return read / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%-8d %10d %10d %10.1f %12.0f %8s%n", basins, read, applied, seconds, perSecond(),
                    equal);
        }
    }

    public static Result run(Path root, int basins) throws Exception {
        try (LocalStack stack = BenchStack.reportingOnly(root, "alize-rebuild-bench-");
                MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
            int year = 2025;
            int published = 0;
            for (int b = 1; b <= basins; b++) {
                published += new TemplateBasin(String.format(Locale.ROOT, "r%04d", b), year).publish(stack.kafkaBootstrapServers());
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (mongo.getDatabase("reporting_network").getCollection("indicators").countDocuments(Filters.and(
                    Filters.eq("year", year), Filters.eq("activity.projectsApproved", 12),
                    Filters.eq("network.meetingsHeld", 3))) < basins) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the live intake did not take the " + published + " events in");
                }
                Thread.sleep(500);
            }
            System.out.printf(Locale.ROOT, "%d basins, %d events taken in live%n", basins, published);
            URI base = stack.serviceUrls().get("reporting");
            String token = stack.issuer().token("bench").networkRoles("NETWORK_ADMIN").sign();
            long start = System.nanoTime();
            HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/network/indicators/rebuilds"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            URI status = base.resolve(started.headers().firstValue("Location").orElseThrow());
            JsonNode rebuild;
            do {
                Thread.sleep(200);
                rebuild = JSON.readTree(HTTP.send(HttpRequest.newBuilder(status).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body());
            } while ("RUNNING".equals(rebuild.get("status").asString()));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!"SWITCHED".equals(rebuild.get("status").asString())) {
                throw new IllegalStateException("rebuild ended " + rebuild);
            }
            return new Result(basins, rebuild.get("recordsRead").asLong(), rebuild.get("eventsApplied").asLong(), seconds,
                    rebuild.get("comparison").get("equal").asBoolean());
        }
    }
}
