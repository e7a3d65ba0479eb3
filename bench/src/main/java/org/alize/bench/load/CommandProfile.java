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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.alize.localstack.LocalStack;
import org.alize.localstack.Seeders;
import org.alize.localstack.Services;
import org.alize.localstack.StackOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a money command's time goes: starts the local stack (measured JVMs), warms it up, then sends 1 €
 * contributions through the gateway on {@code connections} clients for {@code seconds} while Java Flight Recorder
 * samples every service, and prints the throughput, the latency and, per service, the methods that were on CPU
 * most often (self and inclusive, the platform's own code apart). Arguments: seconds (default 30), connections
 * (default 4). The figures behind the issue notes' « where the time goes ».
 */
public final class CommandProfile {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BASIN = "valenciennois";
    private static final int TOP = 25;

    private CommandProfile() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path root = Path.of("").toAbsolutePath();
        Path data = Files.createTempDirectory("alize-profile-");
        PrintStream console = new PrintStream(Files.newOutputStream(data.resolve("stack.log")), true, StandardCharsets.UTF_8);
        StackOptions free = StackOptions.onFreePorts(root, data, Services.ALL, Seeders.ALL, console);
        System.out.println("starting the local stack (its console: " + data.resolve("stack.log") + ")…");
        try (LocalStack stack = LocalStack.start(new StackOptions(free.root(), free.dataDir(), free.kafkaPort(),
                free.mongoPort(), free.issuerPort(), free.services(), free.servicePorts(), free.seeders(), free.seed(),
                StackOptions.MEASURED_JVM + " -Dalize.gateway.rate-limit.per-second=100000"
                        + " -Dalize.gateway.rate-limit.burst=100000 -Dalize.gateway.basin-rate-limit.per-second=100000"
                        + " -Dalize.gateway.basin-rate-limit.burst=100000", console))) {
            URI gateway = stack.serviceUrls().get("gateway");
            String token = stack.issuer().token("operateur.valenciennois").basin(BASIN, "OPERATOR").sign();
            String partner = cashPartner(gateway, token);
            System.out.println("warming up for 30 s…");
            drive(gateway, token, partner, connections, 30);
            Map<String, Path> recordings = new HashMap<>();
            for (Map.Entry<String, Long> service : stack.servicePids().entrySet()) {
                Path file = data.resolve(service.getKey() + ".jfr");
                recordings.put(service.getKey(), file);
                jcmd(service.getValue(), "JFR.start", "name=probe", "settings=profile", "filename=" + file);
            }
            jdk.jfr.Recording own = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            Path launcher = data.resolve("launcher.jfr");
            own.setDestination(launcher);
            own.start();
            Histogram latency = drive(gateway, token, partner, connections, seconds);
            own.stop();
            own.close();
            recordings.put("launcher (Kafka, MongoDB)", launcher);
            for (Map.Entry<String, Long> service : stack.servicePids().entrySet()) {
                jcmd(service.getValue(), "JFR.stop", "name=probe");
            }
            System.out.printf(Locale.ROOT, "%n%d connections, %d s: %.1f commands/s answered 201; p50 %.1f ms, p95 %.1f ms, "
                            + "p99 %.1f ms%n", connections, seconds, latency.getTotalCount() / (double) seconds,
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(95) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0);
            for (Map.Entry<String, Path> recording : recordings.entrySet()) {
                if (Files.exists(recording.getValue())) {
                    summarise(recording.getKey(), recording.getValue());
                }
            }
        }
        System.exit(0);
    }

    private static Histogram drive(URI gateway, String token, String partner, int connections, int seconds)
            throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        AtomicLong refused = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        for (int i = 0; i < connections; i++) {
            clients.execute(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/api/basins/" + BASIN
                                        + "/contributions")).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString("{\"partnerId\":\"" + partner
                                        + "\",\"account\":\"ADVANCE_FUND\",\"amount\":1,\"description\":\"Profil\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            latency.recordValue((System.nanoTime() - start) / 1_000);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        if (refused.get() > 0) {
            System.out.println("  " + refused.get() + " command(s) not answered 201");
        }
        return latency;
    }

    /** The methods most often on CPU in one service's recording: where they run (self) and what they run under. */
    private static void summarise(String service, Path file) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> ownInclusive = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                String name = name(frame);
                if ((name.startsWith("org.alize.") || name.startsWith("de.bwaldvogel.")) && seen.add(name)) {
                    ownInclusive.merge(name, 1L, Long::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n== %s: %d CPU samples%n", service, samples);
        print("self", self, samples);
        print("platform code, inclusive", ownInclusive, samples);
    }

    private static void print(String title, Map<String, Long> counts, long samples) {
        System.out.println("  -- " + title);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> entry : sorted.subList(0, Math.min(TOP, sorted.size()))) {
            System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * entry.getValue() / Math.max(1, samples), entry.getKey());
        }
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            System.out.println("  jcmd " + pid + " " + String.join(" ", command) + ": " + out.strip());
        }
    }

    private static String cashPartner(URI gateway, String token) throws Exception {
        for (JsonNode convention : JSON.readTree(HTTP.send(HttpRequest.newBuilder(gateway.resolve("/api/basins/" + BASIN
                        + "/pledges")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body())) {
            for (JsonNode pledge : convention.path("pledges")) {
                if (pledge.path("cash").decimalValue().signum() > 0) {
                    return pledge.path("organisationId").asString();
                }
            }
        }
        throw new IllegalStateException("no partner of the basin pledges cash");
    }
}
