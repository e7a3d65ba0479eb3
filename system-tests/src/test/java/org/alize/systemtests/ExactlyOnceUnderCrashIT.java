package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.alize.kernel.BasinCalendar;
import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Money commands sent through the gateway while the services that book and count them are killed with
 * SIGKILL ({@code kill -9}) and started again: every command is retried with its own idempotency key until
 * it has an answer, as a careful client would. Afterwards what was recorded is what was sent, nothing
 * twice, the journal balanced, and reporting's figures equal finance's.
 */
class ExactlyOnceUnderCrashIT {

    private static final int COMMANDS = 120;
    private static final int DURING_REPORTING_CRASH = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalStack platform = Platform.get();
    private final URI gateway = platform.serviceUrls().get("gateway");
    private final String token = platform.issuer().token("operateur.valenciennois").basin("valenciennois", "OPERATOR").sign();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** How the commands were finally answered: 201, 201 replayed, or 409 « déjà enregistrée ». */
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();

    @Test
    void money_commands_retried_on_their_keys_through_two_kill_9_of_finance_and_one_of_reporting_are_booked_once_each()
            throws Exception {
        String partner = cashPartner();
        BigDecimal fundBefore = fundBalance();
        BigDecimal reportedBefore = reportedResources();

        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        for (int i = 0; i < COMMANDS; i++) {
            int n = i;
            sent.add(clients.submit(() -> {
                contribute(partner, n);
                answered.incrementAndGet();
                return null;
            }));
        }
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= COMMANDS / 4);
        platform.killService("finance");
        platform.startService("finance");
        await().atMost(Duration.ofSeconds(90)).until(() -> answered.get() >= COMMANDS * 2 / 3);
        platform.killService("finance");
        platform.startService("finance");
        for (Future<?> command : sent) {
            command.get();
        }
        long financePhase = (System.nanoTime() - start) / 1_000_000;

        platform.killService("reporting");
        List<Future<?>> burst = new ArrayList<>();
        for (int i = COMMANDS; i < COMMANDS + DURING_REPORTING_CRASH; i++) {
            int n = i;
            burst.add(clients.submit(() -> {
                contribute(partner, n);
                return null;
            }));
        }
        for (Future<?> command : burst) {
            command.get();
        }
        platform.startService("reporting");
        clients.shutdown();

        int total = COMMANDS + DURING_REPORTING_CRASH;
        Map<String, Integer> booked = bookedContributions();
        assertThat(booked).as("one contribution per command sent, none twice").hasSize(total)
                .allSatisfy((description, times) -> assertThat(times).as(description).isEqualTo(1));
        long caughtUp = System.nanoTime();
        // the journal is finance's own read model, fed by its events: it catches up with what was booked
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> fundBalance().subtract(fundBefore).compareTo(BigDecimal.valueOf(total)) == 0);
        long journalLag = (System.nanoTime() - caughtUp) / 1_000_000;
        assertThat(get("/api/basins/valenciennois/journal/reconciliation").body()).contains("\"differences\":[]")
                .as("every account's running total equal to the sum of its entries").contains("\"totalDifferences\":[]");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> reportedResources().subtract(reportedBefore).compareTo(BigDecimal.valueOf(total)) == 0);
        assertThat(answers.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        System.out.printf("exactly-once: %d commands, finance killed twice and reporting once (kill -9); %d retries; "
                + "answers %s; finance phase %d ms; %d booked once each, 0 twice; fund +%d €; journal equal %d ms "
                + "after the last answer and balanced; reporting equal to finance %d ms after its restart%n", total, retries.get(),
                new java.util.TreeMap<>(answers), financePhase, booked.size(), total, journalLag,
                (System.nanoTime() - caughtUp) / 1_000_000);
    }

    /** One command, retried on the same key until it has a definitive answer (2xx, or 409 « déjà enregistrée »). */
    private void contribute(String partner, int n) throws Exception {
        String key = run + "-" + n;
        String body = """
                {"partnerId":"%s","account":"ADVANCE_FUND","amount":1,"description":"%s"}
                """.formatted(partner, description(n));
        AtomicInteger attempts = new AtomicInteger();
        await().alias("command " + n + " answered").atMost(Duration.ofSeconds(150)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (attempts.getAndIncrement() > 0) {
                        retries.incrementAndGet();
                    }
                    return definitivelyAnswered(n, key, body);
                });
    }

    /** One attempt: true once the command has its definitive answer; false to try the same key again. */
    private boolean definitivelyAnswered(int n, String key, String body) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            gateway.resolve("/api/basins/valenciennois/contributions")).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 201 || (status == 409 && response.body().contains("idempotency.applied"))) {
                answers.merge(status + (response.headers().firstValue("Idempotent-Replayed").isPresent() ? "r" : ""),
                        1, Integer::sum);
                return true;
            }
            assertThat(status).as("command %d: %s", n, response.body()).isIn(409, 429, 502, 503, 504);
        } catch (java.io.IOException e) {
            // the connection died with the service: the same key again
        }
        return false;
    }

    private String description(int n) {
        return "Essai d'arrêt brutal " + run + " n° " + n;
    }

    private Map<String, Integer> bookedContributions() throws Exception {
        Map<String, Integer> booked = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode contributions = JSON.readTree(get("/api/basins/valenciennois/contributions?size=200&newestFirst=true&page="
                    + page).body());
            for (JsonNode contribution : contributions.path("items")) {
                String description = contribution.path("description").asString("");
                if (description.contains(run)) {
                    booked.merge(description, 1, Integer::sum);
                }
            }
            if (contributions.path("items").size() < 200) {
                return booked;
            }
        }
    }

    private String cashPartner() throws Exception {
        for (JsonNode convention : JSON.readTree(get("/api/basins/valenciennois/pledges").body())) {
            for (JsonNode pledge : convention.path("pledges")) {
                if (pledge.path("cash").decimalValue().signum() > 0) {
                    return pledge.path("organisationId").asString();
                }
            }
        }
        throw new AssertionError("no partner of the Valenciennois pledges cash");
    }

    private BigDecimal fundBalance() throws Exception {
        for (JsonNode account : JSON.readTree(get("/api/basins/valenciennois/accounts").body())) {
            if (account.path("account").asString().equals("ADVANCE_FUND")) {
                return account.path("balance").decimalValue();
            }
        }
        throw new AssertionError("no advance fund");
    }

    private BigDecimal reportedResources() throws Exception {
        HttpResponse<String> response = get("/api/basins/valenciennois/indicators?year="
                + LocalDate.now(BasinCalendar.ZONE).getYear());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("detail").path("fund").path("balance").decimalValue()
                : BigDecimal.valueOf(-1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
