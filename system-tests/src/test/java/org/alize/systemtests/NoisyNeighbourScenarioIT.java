package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * Basin A (Flandre–Dunkerque) sends the abusive requests that once took finance down (a 100,000-month
 * rescheduling, a simulation of 2³¹−1 months, 1e308 euros, a NUL in a search, a body over the cap) and a
 * flood at ten times the Valenciennois' ordinary rate, while the Valenciennois (basin B) runs its ordinary
 * day, briskly (0.1 s between two calls): a project to its signed convention, an advance paid out and
 * repaid, its indicators. B sees no error, its median and its p99 stay within twice its quiet ones measured in
 * the same run (printed, with the slowest calls and when they came), its events reach reporting, and finance
 * stays healthy. Basin A runs under the gateway's production share per basin (30/s, burst 90), the other
 * basins under the raised limits the suites need; both basins' paths are run once before the measures, as a
 * platform in service has run them, so that neither measure counts the services compiling them; B's noisy day
 * starts once A has spent the burst its share allows at once.
 */
class NoisyNeighbourScenarioIT {

    /**
     * Twenty-four days of 24 calls each: a p99 over 576 calls is the sixth slowest, not one pause or another (over 288,
     * the third: one garbage collection in a service decided the verdict, ×1.5 to ×2.8 from one run to the next).
     */
    private static final int DAYS = 24;
    /** Quiet days and flooded days in four alternating blocks each. */
    private static final int ROUNDS = 4;
    /** An operator reads a page and fills the next form: a tenth of a second is already a brisk day. */
    private static final Duration THINK_TIME = Duration.ofMillis(100);
    /** Far longer than A's flood takes to spend the burst its share allows (90 requests, refilled at 30/s). */
    private static final Duration BURST_SPENT = Duration.ofSeconds(15);

    private final LocalStack platform = Platform.get();
    private final URI gateway = platform.serviceUrls().get("gateway");
    private final PlatformClient valenciennois = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
            .basin("valenciennois", "OPERATOR").sign());
    private final String dunkerque = platform.issuer().token("operateur.dunkerque").basin("flandre-dunkerque", "OPERATOR")
            .sign();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_basin_flooding_and_abusing_the_platform_leaves_another_basins_day_as_it_was() throws Exception {
        int approvedBefore = approvedThisYear();
        // a platform in service has run both basins' paths, the refusals included, many times: one day of B under
        // a short flood first, unmeasured, so that neither measure below counts the services compiling them
        Flood warmUp = new Flood(50);
        try {
            ordinaryDay("Voisin de mise en route", Collections.synchronizedList(new ArrayList<>()));
        } finally {
            warmUp.stop();
        }

        // quiet and flooded days alternate, a block of each per round: what drifts over the scenario (the basin's
        // data growing, the services' heaps and compiled code) weighs on both measures alike, not on the later one
        List<Long> quiet = Collections.synchronizedList(new ArrayList<>());
        List<Long> noisy = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> abuseAnswers = new TreeMap<>();
        double quietSeconds = 0;
        double noisySeconds = 0;
        double ordinaryRate = 0;
        calls.clear();
        for (int round = 0; round < ROUNDS; round++) {
            recording = false;
            long quietStart = System.nanoTime();
            for (int day = 0; day < DAYS / ROUNDS; day++) {
                ordinaryDay("Voisin calme " + round + "-" + day, quiet);
            }
            quietSeconds += (System.nanoTime() - quietStart) / 1e9;
            if (ordinaryRate == 0) {
                ordinaryRate = quiet.size() / quietSeconds;
            }
            // open loop: a tick every 1/(10 × the ordinary rate) s hands one request to the senders, whether or
            // not the previous ones have been answered
            Flood flood = new Flood(10 * ordinaryRate);
            // the share per basin lets a burst of 90 through at once (a console page's calls, an import): A spends it
            // in its first two seconds or so, which its first 429 says; B's days are measured from then on, against
            // A's flood at the rate its share keeps up
            await().atMost(BURST_SPENT).pollInterval(Duration.ofMillis(50)).until(() -> flood.answers.containsKey(429));
            long noisyStart = System.nanoTime();
            dayStart = noisyStart;
            recording = true;
            try {
                for (int day = 0; day < DAYS / ROUNDS; day++) {
                    ordinaryDay("Voisin bruyant " + round + "-" + day, noisy);
                }
            } finally {
                flood.stop();
            }
            noisySeconds += (System.nanoTime() - noisyStart) / 1e9;
            flood.answers.forEach((status, count) -> abuseAnswers.computeIfAbsent(status, s -> new AtomicInteger())
                    .addAndGet(count.get()));
        }

        long quietP99 = percentile(quiet, 99);
        long noisyP99 = percentile(noisy, 99);
        int sent = abuseAnswers.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("noisy neighbour: Valenciennois' day %d requests at %.1f/s; quiet p50 %d ms p99 %d ms; "
                        + "while Flandre-Dunkerque sent %d abusive or flooding requests at %.0f/s (answers %s): p50 %d ms "
                        + "p99 %d ms (×%.2f)%n", quiet.size(), ordinaryRate, percentile(quiet, 50), quietP99, sent,
                sent / noisySeconds, new TreeMap<>(abuseAnswers), percentile(noisy, 50), noisyP99,
                (double) noisyP99 / Math.max(1, quietP99));
        System.out.println("noisy neighbour: the Valenciennois' slowest calls under the flood: " + calls.stream()
                .sorted(java.util.Comparator.comparingLong((String c) -> Long.parseLong(c.substring(0, c.indexOf(' '))))
                        .reversed()).limit(5).toList());
        assertThat(abuseAnswers).doesNotContainKeys(500, 502, 504, -1);
        // under the gateway's share per basin, the neighbour spends its own budget (its excess is refused at once, 429)
        assertThat(abuseAnswers).containsKey(429);
        assertThat(percentile(noisy, 50)).as("the Valenciennois' median under its neighbour's abuse")
                .isLessThanOrEqualTo(2 * Math.max(percentile(quiet, 50), 10));
        assertThat(noisyP99).as("the Valenciennois' p99 under its neighbour's abuse, against twice its quiet one")
                .isLessThanOrEqualTo(2 * Math.max(quietP99, 25));
        await().atMost(Duration.ofSeconds(30)).until(() -> approvedThisYear() >= approvedBefore + 2 * DAYS);
        assertThat(http.send(HttpRequest.newBuilder(platform.serviceUrls().get("finance").resolve("/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    /** A project to its signed convention, its advance paid out and partly repaid, the indicators read. */
    /** Every call of the Valenciennois with its time, to name the slowest ones. */
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile long dayStart = System.nanoTime();
    /** Whether the Valenciennois' calls are under the flood (the slowest of those are named). */
    private volatile boolean recording;

    private void ordinaryDay(String company, List<Long> timings) throws Exception {
        ValenciennoisDay day = new ValenciennoisDay(gateway, valenciennois, (call, ms) -> {
            timings.add(ms);
            if (recording) {
                calls.add(ms + " ms " + call + " at +" + (System.nanoTime() - dayStart) / 100_000_000 / 10.0 + " s");
            }
        }, THINK_TIME);
        String projectId = day.signedProject(company, 5000);
        URI advance = gateway.resolve("/api/basins/valenciennois/advances/adv-" + projectId);
        await().atMost(Duration.ofSeconds(30)).until(() -> valenciennois.get(advance).statusCode() == 200);
        // a first tranche of the 5,000 € granted: the scenario's forty-nine days leave the demo fund its cash
        ValenciennoisDay.expect(200, day.post(URI.create(advance + "/disbursements"), "{\"amount\":1000}"));
        ValenciennoisDay.expect(200, day.post(URI.create(advance + "/repayments"), "{\"amount\":800}"));
        ValenciennoisDay.expect(200, day.get(gateway.resolve("/api/basins/valenciennois/advances?size=20")));
        ValenciennoisDay.expect(200, day.get(gateway.resolve("/api/basins/valenciennois/indicators")));
        ValenciennoisDay.expect(200, day.get(gateway.resolve("/api/basins/valenciennois/projects?size=20")));
    }

    private int approvedThisYear() throws Exception {
        String body = valenciennois.get(gateway.resolve("/api/basins/valenciennois/indicators")).body();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).path("detail").path("activity")
                .path("projectsApproved").asInt(-1);
    }

    /** Basin A's requests, sent open loop at a rate, with the answers counted by status (−1: no answer). */
    private final class Flood {

        private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService senders = Executors.newFixedThreadPool(16);
        private final AtomicBoolean flooding = new AtomicBoolean(true);

        Flood(double perSecond) {
            List<String[]> abuses = abuses();
            AtomicInteger next = new AtomicInteger();
            ticks.scheduleAtFixedRate(() -> senders.execute(() -> {
                String[] request = abuses.get(Math.floorMod(next.getAndIncrement(), abuses.size()));
                try {
                    int status = send(request[0], request[1], request[2]);
                    answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                } catch (Exception e) {
                    if (flooding.get()) {
                        answers.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }), 0, (long) (1_000_000 / perSecond), TimeUnit.MICROSECONDS);
        }

        void stop() throws InterruptedException {
            flooding.set(false);
            ticks.shutdownNow();
            senders.shutdownNow();
            senders.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** What basin A sends, in turn: the reproductions of the issue, then ordinary reads as a flood. */
    private static List<String[]> abuses() {
        String base = "/api/basins/flandre-dunkerque";
        List<String[]> abuses = new ArrayList<>(List.of(
                new String[] {"POST", base + "/advances/adv-inconnue/reschedule",
                        "{\"approvalReference\":\"XT\",\"durationMonths\":100000}"},
                new String[] {"POST", base + "/advances/simulation", "{\"amount\":10000,\"durationMonths\":2147483647}"},
                new String[] {"POST", base + "/advances/simulation", "{\"amount\":1e308,\"durationMonths\":12}"},
                new String[] {"POST", base + "/operating-expenses", "{\"amount\":1.23e22,\"paidOn\":\"2026-01-05\"}"},
                new String[] {"POST", base + "/transfers", "{\"amount\":1e308,\"on\":\"0000-01-01\"}"},
                new String[] {"GET", base + "/projects?q=%00", null},
                new String[] {"GET", base + "/organisations?q=a%00b", null},
                new String[] {"POST", base + "/advances/simulation", "{\"x\":\"" + "a".repeat(300 * 1024) + "\"}"}));
        for (String read : List.of("/projects", "/advances", "/organisations", "/people", "/indicators", "/journal",
                "/sessions", "/conventions")) {
            abuses.add(new String[] {"GET", base + read, null});
            abuses.add(new String[] {"GET", base + read, null});
        }
        return abuses;
    }

    private int send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + dunkerque).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
