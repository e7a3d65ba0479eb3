package org.alize.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.alize.bench.FlatCostBench;
import org.alize.bench.NetworkViewBench;
import org.alize.bench.RebuildBench;
import org.alize.localstack.LocalStack;
import org.alize.localstack.Seeders;
import org.alize.localstack.Services;
import org.alize.localstack.StackOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform under load, one command: starts the local stack with its demo network (the same as
 * README's run command, on free ports, in a fresh directory), then measures, on this machine,
 * <ul>
 * <li>reads through the gateway and straight from the service, interleaved, at a fixed rate (Gatling);</li>
 * <li>the gateway's throughput against the service's own at 16 connections, per route (Gatling);</li>
 * <li>money commands through the gateway at 1, 4, 16 and 64 connections (Gatling);</li>
 * <li>the lag from a contribution's answer to its entry in finance's journal and to reporting's figures, at a
 * fixed rate (HdrHistogram: not an HTTP figure);</li>
 * <li>the memory of every JVM;</li>
 * <li>then, on reporting-service alone, the per-event cost at the start and the end of a basin's ten years, the rebuild
 * rate and the network views at 100, 1,000 and 10,000 basins ({@link #reportingAlone});</li>
 * </ul>
 * and prints one table: figure, goal, verdict. Arguments: seconds per Gatling run (default 20), then {@code lean}
 * to run the services with the laptop JVM profile instead of the measured one ({@code measured} otherwise), then
 * {@code stack-only} to leave out the figures of reporting-service alone (about ten minutes).
 */
public final class LoadHarness {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BASIN = "valenciennois";

    private final List<String[]> table = new ArrayList<>();

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean lean = args.length > 1 && args[1].equals("lean");
        boolean stackOnly = args.length > 2 && args[2].equals("stack-only");
        LoadHarness harness = new LoadHarness();
        harness.run(seconds, lean ? StackOptions.LEAN_JVM : StackOptions.MEASURED_JVM, lean ? "lean" : "measured");
        if (!stackOnly) {
            harness.reportingAlone(Path.of("").toAbsolutePath());
        }
        harness.print();
        System.exit(0);
    }

    /**
     * The figures measured on reporting-service alone, each on a stack of its own once the whole platform is stopped
     * (they need thousands of basins or a basin's ten years, which the demo network does not have): the per-event
     * cost at the start and end of a basin's history, the rebuild rate, and the network views at 100, 1,000 and
     * 10,000 basins of ten years.
     */
    private void reportingAlone(Path root) throws Exception {
        System.out.println("reporting-service alone: a basin's ten years…");
        FlatCostBench.Result flat = FlatCostBench.run(root, "30000", new int[] {500, 5000}, 40);
        row("per-event cost, reporting, at 500 / 5,000 money facts, p50 (ms)",
                String.format(Locale.ROOT, "%.1f / %.1f", flat.p50s()[0], flat.p50s()[1]), "", null);
        row("per-event cost at 5,000 facts / at 500 (mean)", String.format(Locale.ROOT, "%.2f", flat.ratio()), "≤ 1.5",
                flat.ratio() <= 1.5);
        System.out.println("reporting-service alone: a rebuild of 100 basins…");
        RebuildBench.Result rebuild = RebuildBench.run(root, 100);
        row("rebuild, 100 basins (records/s; equal to the live models)", String.format(Locale.ROOT, "%.0f (%d records in %.1f s); %s",
                rebuild.perSecond(), rebuild.read(), rebuild.seconds(), rebuild.equal()), "≥ 5,000; equal",
                rebuild.perSecond() >= 5000 && rebuild.equal());
        Map<Integer, Map<String, Histogram>> views = new java.util.LinkedHashMap<>();
        for (int basins : List.of(100, 1000, 10_000)) {
            System.out.println("reporting-service alone: the views at " + basins + " basins…");
            views.put(basins, NetworkViewBench.run(root, basins, 10, 15));
        }
        for (Map.Entry<Integer, Map<String, Histogram>> size : views.entrySet()) {
            Histogram network = size.getValue().get("network");
            Histogram basin = size.getValue().get("basin+quartiles");
            row(String.format(Locale.ROOT, "network view at %,d basins, p50 / p95 / p99 (ms)", size.getKey()), percentiles(network),
                    "p95 ≤ 50", network.getValueAtPercentile(95) <= 50_000_000L);
            row(String.format(Locale.ROOT, "basin view with quartiles at %,d basins, p50 / p95 / p99 (ms)", size.getKey()),
                    percentiles(basin), "p95 ≤ 20", basin.getValueAtPercentile(95) <= 20_000_000L);
        }
        for (String view : List.of("network", "basin+quartiles")) {
            double ratio = (double) views.get(10_000).get(view).getValueAtPercentile(50)
                    / views.get(1000).get(view).getValueAtPercentile(50);
            row(view + " view: p50 at 10,000 basins / at 1,000", String.format(Locale.ROOT, "%.1f", ratio), "≤ 2", ratio <= 2);
        }
    }

    private static String percentiles(Histogram nanos) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", nanos.getValueAtPercentile(50) / 1e6,
                nanos.getValueAtPercentile(95) / 1e6, nanos.getValueAtPercentile(99) / 1e6);
    }

    private void run(int seconds, String jvm, String profile) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path data = Files.createTempDirectory("alize-load-");
        PrintStream console = new PrintStream(Files.newOutputStream(data.resolve("stack.log")), true, StandardCharsets.UTF_8);
        StackOptions free = StackOptions.onFreePorts(root, data, Services.ALL, Seeders.ALL, console);
        long starting = System.nanoTime();
        System.out.println("starting the local stack (its console: " + data.resolve("stack.log") + ")…");
        try (LocalStack stack = LocalStack.start(new StackOptions(free.root(), free.dataDir(), free.kafkaPort(),
                free.mongoPort(), free.issuerPort(), free.services(), free.servicePorts(), free.seeders(), free.seed(),
                jvm + " -Dalize.gateway.rate-limit.per-second=100000"
                        + " -Dalize.gateway.rate-limit.burst=100000 -Dalize.gateway.basin-rate-limit.per-second=100000"
                        + " -Dalize.gateway.basin-rate-limit.burst=100000", console))) {
            row("local stack ready and seeded, JVM profile " + profile + " (s)", seconds(starting), "≤ 45 (services, built)",
                    null);
            Map<String, URI> urls = stack.serviceUrls();
            String token = stack.issuer().token("operateur.valenciennois").basin(BASIN, "OPERATOR").sign();
            Map<String, String> target = new java.util.HashMap<>(Map.of("gateway", urls.get("gateway").toString(),
                    "projects", urls.get("project").toString(), "reporting", urls.get("reporting").toString(),
                    "token", token, "basin", BASIN, "seconds", String.valueOf(seconds)));
            target.put("partner", cashPartner(urls.get("gateway"), token));

            warmUp(target);
            reads(target);
            saturation(target);
            commands(target);
            lag(urls, token, target.get("partner"));
            memory(stack);
        }
    }

    /**
     * Reads and commands for a while, their figures thrown away: the JIT compiles the hot paths (on two cores and
     * seven JVMs, the first minute measures the compilers), the pools fill, the caches warm.
     */
    private void warmUp(Map<String, String> target) {
        Map<String, String> properties = new java.util.HashMap<>(target);
        properties.putAll(Map.of("rate", "10", "seconds", "40"));
        GatlingRun.run(ReadsSimulation.class, properties, "warm-up, reads");
        properties.putAll(Map.of("connections", "4", "seconds", "30"));
        GatlingRun.run(CommandsSimulation.class, properties, "warm-up, commands");
        System.out.println("  (warmed up)");
    }

    private void reads(Map<String, String> target) {
        Map<String, String> properties = new java.util.HashMap<>(target);
        properties.put("rate", "10");
        Map<String, GatlingRun.Stats> stats = GatlingRun.run(ReadsSimulation.class, properties, "reads, gateway and direct");
        for (String route : List.of("projects", "indicators")) {
            GatlingRun.Stats via = stats.get(route + " via gateway");
            GatlingRun.Stats direct = stats.get(route + " direct");
            row("gateway overhead p50, " + route + " (ms)", via.p50() - direct.p50(), "≤ +1", via.p50() - direct.p50() <= 1);
            row("gateway overhead p99, " + route + " (ms)", via.p99() - direct.p99(), "≤ +5", via.p99() - direct.p99() <= 5);
            row(route + " via gateway p50 / p99 (ms)", via.p50() + " / " + via.p99(), "", null);
        }
    }

    private void saturation(Map<String, String> target) {
        for (String route : List.of("projects", "indicators")) {
            double[] perSecond = new double[2];
            int i = 0;
            for (String via : List.of("gateway", "direct")) {
                Map<String, String> properties = new java.util.HashMap<>(target);
                properties.putAll(Map.of("connections", "16", "route", route, "via", via));
                perSecond[i++] = GatlingRun.run(SaturationSimulation.class, properties, route + " " + via + ", 16 connections")
                        .get(route + " " + via).perSecond();
            }
            double share = 100 * perSecond[0] / perSecond[1];
            row("gateway saturation vs direct, " + route + ", 16 conn. (%)",
                    String.format(Locale.ROOT, "%.0f (%.0f vs %.0f req/s)", share, perSecond[0], perSecond[1]), "≥ 70", share >= 70);
        }
    }

    private void commands(Map<String, String> target) {
        for (int connections : List.of(1, 4, 16, 64)) {
            Map<String, String> properties = new java.util.HashMap<>(target);
            properties.put("connections", String.valueOf(connections));
            GatlingRun.Stats stats = GatlingRun.run(CommandsSimulation.class, properties, "money commands, " + connections
                    + " connections").get("contribution");
            double booked = stats.count() == 0 ? 0 : stats.perSecond() * (stats.count() - stats.ko()) / stats.count();
            row("money commands, " + connections + " conn. (booked/s; p95 ms; refused of sent)", String.format(Locale.ROOT,
                    "%.0f; %.0f; %d of %d", booked, stats.p95(), stats.ko(), stats.count()), "≥ 500 /s, p95 ≤ 50",
                    connections < 16 ? null : booked >= 500 && stats.p95() <= 50);
        }
    }

    /**
     * Contributions of 1 € at a fixed rate through the gateway; a poller notes when each has reached finance's
     * journal (the fund's balance there, read from its running totals, grows by 1 € per contribution journaled)
     * and reporting (the basin's events applied). Both count in the order the answers came: the lag of the n-th
     * answer is the time until the n-th euro or event is in.
     */
    private void lag(Map<String, URI> urls, String token, String partner) throws Exception {
        int rate = 20;
        int count = rate * 20;
        URI gateway = urls.get("gateway");
        long baseApplied = settled(urls, token); // what the command runs left in the pipes is through first
        long baseFund = fundInJournal(urls.get("finance"), token);
        List<Long> answerOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        Histogram journal = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        Histogram reporting = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
        java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            senders.schedule(() -> {
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/api/basins/" + BASIN
                                    + "/contributions")).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"partnerId\":\"" + partner
                                    + "\",\"account\":\"ADVANCE_FUND\",\"amount\":1,\"description\":\"Décalage\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        answerOrder.add(System.nanoTime());
                    }
                } catch (IOException | InterruptedException e) {
                    // counted as not answered below
                } finally {
                    sent.countDown();
                }
            }, i * 1000L / rate, TimeUnit.MILLISECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(count / rate + 120);
        int journaled = 0;
        int reported = 0;
        while (System.nanoTime() < deadline && (sent.getCount() > 0 || journaled < answerOrder.size()
                || reported < answerOrder.size())) {
            long inJournal = fundInJournal(urls.get("finance"), token) - baseFund;
            long now = System.nanoTime();
            while (journaled < inJournal && journaled < answerOrder.size()) {
                journal.recordValue(Math.max(0, now - answerOrder.get(journaled++)) / 1_000);
            }
            long applied = eventsApplied(urls.get("reporting"), token) - baseApplied;
            now = System.nanoTime();
            while (reported < applied && reported < answerOrder.size()) {
                reporting.recordValue(Math.max(0, now - answerOrder.get(reported++)) / 1_000);
            }
            Thread.sleep(20); // a 20 ms resolution; polling faster loads the services it measures
        }
        senders.shutdown();
        row("contributions answered 201 during the lag run", answerOrder.size() + " of " + count, "", null);
        row("event lag → finance journal at " + rate + "/s, p50/p95/p99/max (ms)", lagOf(journal), "p99 ≤ 100",
                journal.getValueAtPercentile(99) <= 100_000 && journal.getTotalCount() == answerOrder.size());
        row("event lag → reporting at " + rate + "/s, p50/p95/p99/max (ms)", lagOf(reporting), "p99 ≤ 100",
                reporting.getValueAtPercentile(99) <= 100_000 && reporting.getTotalCount() == answerOrder.size());
    }

    /** The advance fund's balance in finance's journal (its running totals), in whole euros. */
    private static long fundInJournal(URI finance, String token) throws Exception {
        for (JsonNode account : JSON.readTree(get(finance, "/api/basins/" + BASIN + "/accounts", token))) {
            if (account.path("account").asString().equals("ADVANCE_FUND")) {
                return account.path("balance").decimalValue().longValue();
            }
        }
        return 0;
    }

    /** Waits until reporting has applied everything sent so far (its count still for three seconds); returns it. */
    private static long settled(Map<String, URI> urls, String token) throws Exception {
        long last = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            long applied = eventsApplied(urls.get("reporting"), token);
            if (applied != last) {
                last = applied;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(3)) {
                return applied;
            }
            Thread.sleep(200);
        }
        return last;
    }

    private static String lagOf(Histogram h) {
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f / %.0f (%d events)", h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
                h.getTotalCount());
    }

    private void memory(LocalStack stack) throws IOException {
        long total = 0;
        for (Map.Entry<String, Long> service : stack.servicePids().entrySet()) {
            long rss = residentMegabytes(service.getValue());
            total += rss;
            row("memory (RSS), " + service.getKey() + " (MB)", rss, "", null);
        }
        long launcher = residentMegabytes(ProcessHandle.current().pid());
        row("memory (RSS), harness with Kafka and MongoDB in-process (MB)", launcher, "", null);
        row("memory (RSS), the services together (MB)", total, "", null);
    }

    private static long residentMegabytes(long pid) throws IOException {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static long eventsApplied(URI reporting, String token) throws Exception {
        JsonNode view = JSON.readTree(get(reporting, "/api/basins/" + BASIN + "/indicators", token));
        return view.path("currentAsOf").path("eventsApplied").asLong();
    }

    private static String cashPartner(URI gateway, String token) throws Exception {
        for (JsonNode convention : JSON.readTree(get(gateway, "/api/basins/" + BASIN + "/pledges", token))) {
            for (JsonNode pledge : convention.path("pledges")) {
                if (pledge.path("cash").decimalValue().signum() > 0) {
                    return pledge.path("organisationId").asString();
                }
            }
        }
        throw new IllegalStateException("no partner of the basin pledges cash");
    }

    private static String get(URI base, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }

    private void row(String figure, Object value, String goal, Boolean met) {
        String shown = value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(value);
        table.add(new String[] {figure, shown, goal, met == null ? "" : met ? "met" : "not met"});
        System.out.printf(Locale.ROOT, "  %s: %s%n", figure, shown);
    }

    private void print() {
        System.out.printf(Locale.ROOT, "%n%d cores, %d MB of memory for this JVM's view, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"));
        System.out.println("| figure | measured | goal | verdict |");
        System.out.println("|---|---|---|---|");
        for (String[] row : table) {
            System.out.printf("| %s | %s | %s | %s |%n", row[0], row[1], row[2], row[3]);
        }
    }
}
