package org.alize.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.PersonErased;
import org.alize.basin.events.PersonRecorded;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.messaging.outbox.OutboxEntry;
import org.alize.notification.NotificationServiceApplication;
import org.alize.project.events.ProjectEvents;
import org.alize.project.events.ProjectSubmitted;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.personal.PersonalData;
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.WithAlizeInfra;
import org.alize.testing.contract.EventContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A basin's events delivered to its integrator's receiver (an HTTP server in the test): signed as Standard Webhooks
 * says, retried after a refusal, logged attempt by attempt, disabled after repeated failures, never to an address inside
 * the platform, never another basin's events.
 */
@WithAlizeInfra
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"alize.webhooks.encryption-password=a-webhook-key-password-for-tests", "alize.webhooks.retry-delays=PT0.3S,PT0.3S", "alize.webhooks.disable-after=4",
                "alize.webhooks.dispatch-interval=PT0.1S", "alize.webhooks.allow-http=true",
                "alize.webhooks.trusted-hosts=127.0.0.1", "alize.webhooks.max-per-basin=3"})
class WebhookIT {

    /** What the receiver saw: one request. */
    record Received(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** The statuses the receiver answers next, per path; 200 when none is left. */
    private static final Map<String, Deque<Integer>> ANSWERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final HttpServer RECEIVER = receiver();

    @AfterAll
    static void stop() {
        RECEIVER.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    JsonMapper json;
    @Autowired
    PersonalData personal;
    @Autowired
    com.mongodb.client.MongoClient mongoClient;

    @Test
    void a_basins_events_reach_its_receiver_signed_once_each_after_retries_and_only_its_own() throws Exception {
        String basin = "hooks-a";
        ApiClient operator = operator(basin);
        ApiClient.Response created = operator.post(path(basin, ""), """
                {"url":"%s","description":"ERP du bassin","eventTypes":["%s","%s"]}
                """.formatted(receiverUrl("/erp"), BasinEvents.PERSON_RECORDED, ProjectEvents.PROJECT_SUBMITTED));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("webhook").get("id").asString();
        String secret = created.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(created.location()).endsWith("/api/basins/hooks-a/webhooks/" + id);
        ApiClient.Response shown = operator.get(path(basin, "/" + id));
        assertThat(shown.body()).as("the secret is shown once").doesNotContain(secret)
                .contains(secret.substring(secret.length() - 6));
        // at rest it is sealed: the database, its backups and the basin's archive carry no secret that could sign
        org.bson.Document stored = storedWebhook(basin, id);
        assertThat(stored.getString("secret")).startsWith(WebhookSecrets.PREFIX);
        assertThat(stored.toJson()).doesNotContain(secret.substring("whsec_".length()));
        // a webhook of another basin, at another address, for the same type
        ApiClient.Response other = operator("hooks-b").post(path("hooks-b", ""), """
                {"url":"%s","eventTypes":["%s"]}""".formatted(receiverUrl("/other"), BasinEvents.PERSON_RECORDED));
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        assertThat(operator.get(path(basin, "/" + other.json().get("webhook").get("id").asString())).status())
                .as("another basin's webhook is not found here").isEqualTo(404);

        ANSWERS.put("/erp", new ConcurrentLinkedDeque<>(List.of(500, 503)));
        String eventId = UUID.randomUUID().toString();
        String sealedName = personal.seal(BasinId.of(basin), "per-1", "Jeanne");
        PersonRecorded person = new PersonRecorded(basin, "per-1", sealedName, "Martin", "jeanne.martin@example.fr", null,
                "org-1", "ORGANISATION", null, true, Instant.now(), "test");
        publish(eventId, basin, BasinEvents.TOPIC, BasinEvents.PERSON_RECORDED, "per-1", person, Instant.now());
        publish(eventId, basin, BasinEvents.TOPIC, BasinEvents.PERSON_RECORDED, "per-1", person, Instant.now()); // twice
        publish(UUID.randomUUID().toString(), basin, BasinEvents.TOPIC, BasinEvents.PERSON_ERASED, "per-9",
                new PersonErased(basin, "per-9", Instant.now(), "test"), Instant.now()); // a type not subscribed
        publish(UUID.randomUUID().toString(), basin, ProjectEvents.TOPIC, ProjectEvents.PROJECT_SUBMITTED, "prj-old",
                new ProjectSubmitted("prj-old", "VAL-2020-001", basin, "Ancienne SARL", null, null, "EXISTING_SME_DEVELOPMENT",
                        2, "per-1", List.of(), null, Instant.now(), "test"), Instant.now().minus(Duration.ofDays(400)));
        publish(UUID.randomUUID().toString(), "hooks-b", BasinEvents.TOPIC, BasinEvents.PERSON_RECORDED, "per-b",
                new PersonRecorded("hooks-b", "per-b", "Paul", "Autre", null, null, "org-2", "ORGANISATION", null, true,
                        Instant.now(), "test"), Instant.now());

        List<Received> erp = await().atMost(Duration.ofSeconds(30)).until(() -> at("/erp"), list -> list.size() >= 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> at("/other").size() >= 1);
        assertThat(erp).as("refused twice, delivered at the third attempt").hasSize(3);
        for (Received request : erp) {
            long timestamp = Long.parseLong(request.header("webhook-timestamp"));
            assertThat(WebhookSigner.verify(secret, request.header("webhook-id"), timestamp, request.body(),
                    request.header("webhook-signature"))).as("signed with the webhook's secret").isTrue();
            assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
            assertThat(request.header("webhook-id")).as("the same id at every attempt").isEqualTo(erp.get(0).header("webhook-id"));
        }
        JsonNode body = json.readTree(erp.get(2).body());
        assertThat(body.get("id").asString()).isEqualTo(eventId);
        assertThat(body.get("type").asString()).isEqualTo(BasinEvents.PERSON_RECORDED);
        assertThat(body.get("basinId").asString()).isEqualTo(basin);
        assertThat(body.get("data").get("firstName").asString()).as("personal data opened when sent").isEqualTo("Jeanne");
        assertThat(at("/other")).extracting(r -> json.readTree(r.body()).get("basinId").asString()).containsOnly("hooks-b");

        ApiClient.Response log = await().atMost(Duration.ofSeconds(10)).until(() -> operator.get(path(basin, "/" + id
                + "/deliveries")), r -> r.json().get("items").size() == 1
                && r.json().get("items").get(0).get("status").asString().equals("DELIVERED"));
        JsonNode delivery = log.json().get("items").get(0);
        assertThat(delivery.get("eventId").asString()).isEqualTo(eventId);
        assertThat(delivery.get("tries").asInt()).isEqualTo(3);
        assertThat(delivery.get("attempts")).extracting(a -> a.get("statusCode").asInt()).containsExactly(500, 503, 200);
        assertThat(delivery.get("attempts").get(0).get("error").asString()).isEqualTo("réponse 500");
        assertThat(operator.get(path(basin, "/" + id)).json().get("consecutiveFailures").asInt()).isZero();
        // nothing more comes: not the duplicate, not the type not subscribed, not the history dated before the webhook
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3)).until(() -> at("/erp").size() == 3);

        // a new secret: the old one still signs beside it for a day
        String rotated = operator.post(path(basin, "/" + id + "/secret"), "").json().get("secret").asString();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(operator.post(path(basin, "/" + id + "/ping"), "").status()).isEqualTo(202);
        Received ping = await().atMost(Duration.ofSeconds(10)).until(() -> at("/erp"), list -> list.size() == 4).get(3);
        long timestamp = Long.parseLong(ping.header("webhook-timestamp"));
        assertThat(ping.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(WebhookSigner.verify(rotated, ping.header("webhook-id"), timestamp, ping.body(),
                ping.header("webhook-signature"))).isTrue();
        assertThat(WebhookSigner.verify(secret, ping.header("webhook-id"), timestamp, ping.body(),
                ping.header("webhook-signature"))).isTrue();
        assertThat(json.readTree(ping.body()).get("type").asString()).isEqualTo(Webhooks.PING);
        org.bson.Document afterRotation = storedWebhook(basin, id);
        assertThat(afterRotation.getString("secret")).startsWith(WebhookSecrets.PREFIX);
        assertThat(afterRotation.getString("previousSecret")).startsWith(WebhookSecrets.PREFIX);
        assertThat(afterRotation.toJson()).doesNotContain(secret.substring("whsec_".length()))
                .doesNotContain(rotated.substring("whsec_".length()));
    }

    private org.bson.Document storedWebhook(String basin, String id) {
        for (String database : mongoClient.listDatabaseNames()) {
            if (database.endsWith("_" + basin)) {
                org.bson.Document found = mongoClient.getDatabase(database).getCollection("webhooks")
                        .find(new org.bson.Document("_id", id)).first();
                if (found != null) {
                    return found;
                }
            }
        }
        throw new AssertionError("no webhook " + id + " stored for " + basin);
    }

    @Test
    void a_receiver_that_keeps_failing_disables_its_webhook_which_can_be_enabled_and_redelivered() throws Exception {
        String basin = "hooks-c";
        ApiClient operator = operator(basin);
        ANSWERS.put("/down", new ConcurrentLinkedDeque<>(List.of(503, 503, 503, 503, 503, 503, 503, 503)));
        String id = operator.post(path(basin, ""), """
                {"url":"%s","eventTypes":["%s"]}""".formatted(receiverUrl("/down"), ProjectEvents.PROJECT_SUBMITTED))
                .json().get("webhook").get("id").asString();
        for (String project : List.of("prj-1", "prj-2")) {
            publish(UUID.randomUUID().toString(), basin, ProjectEvents.TOPIC, ProjectEvents.PROJECT_SUBMITTED, project,
                    new ProjectSubmitted(project, "VAL-2026-00" + project.charAt(4), basin, "SARL " + project, null, null,
                            "EXISTING_SME_DEVELOPMENT", 2, "per-1", List.of(), null, Instant.now(), "test"), Instant.now());
        }
        JsonNode disabled = await().atMost(Duration.ofSeconds(30)).until(() -> operator.get(path(basin, "/" + id)).json(),
                w -> w.get("status").asString().equals("DISABLED"));
        assertThat(disabled.get("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(disabled.get("disabledReason").asString()).contains("échecs consécutifs", "réponse 503");
        JsonNode log = await().atMost(Duration.ofSeconds(10)).until(() -> operator.get(path(basin, "/" + id + "/deliveries"))
                .json().get("items"), items -> items.size() == 2 && java.util.stream.StreamSupport.stream(items.spliterator(),
                false).noneMatch(d -> d.get("status").asString().equals("PENDING")));
        assertThat(log).extracting(d -> d.get("status").asString()).as("three attempts for one, then its webhook was off")
                .containsAnyOf("FAILED", "CANCELLED");
        int seen = at("/down").size();
        assertThat(seen).isBetween(4, 5);

        assertThat(operator.post(path(basin, "/" + id + "/deliveries/" + log.get(0).get("id").asString() + "/redeliver"), "")
                .status()).as("not while disabled").isEqualTo(409);
        ANSWERS.put("/down", new ConcurrentLinkedDeque<>());
        JsonNode enabled = operator.post(path(basin, "/" + id + "/enable"), "").json();
        assertThat(enabled.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(enabled.get("consecutiveFailures").asInt()).isZero();
        String again = log.get(0).get("id").asString();
        assertThat(operator.post(path(basin, "/" + id + "/deliveries/" + again + "/redeliver"), "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.get(path(basin, "/" + id + "/deliveries/" + again))
                .json().get("status").asString().equals("DELIVERED"));
        assertThat(at("/down")).hasSize(seen + 1);

        assertThat(operator.delete(path(basin, "/" + id)).status()).isEqualTo(204);
        assertThat(operator.get(path(basin, "/" + id + "/deliveries")).status()).isEqualTo(404);
    }

    @Test
    void addresses_inside_the_platform_unknown_types_and_other_roles_are_refused() {
        String basin = "hooks-d";
        ApiClient operator = operator(basin);
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "https://10.0.0.7/hook", "http://[::1]:8080/",
                "http://127.0.0.2/hook", "ftp://127.0.0.1/x", "https://" + "x".repeat(600) + ".fr/")) {
            ApiClient.Response refused = operator.post(path(basin, ""), """
                    {"url":"%s","eventTypes":["%s"]}""".formatted(url, ProjectEvents.PROJECT_SUBMITTED));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
        }
        ApiClient.Response unknown = operator.post(path(basin, ""), """
                {"url":"%s","eventTypes":["alize.basin.BasinPurged.v1","rien"]}""".formatted(receiverUrl("/d")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("eventTypes[0]", "eventTypes[1]");
        assertThat(operator.post(path(basin, ""), "{\"url\":\"" + receiverUrl("/d") + "\",\"eventTypes\":[]}").status())
                .isEqualTo(400);
        assertThat(operator.get(path(basin, "/event-types")).json().get("eventTypes").toString())
                .contains(ProjectEvents.PROJECT_SUBMITTED).doesNotContain("BasinPurged");

        ApiClient member = ApiClient.on(port).as(TestIssuer.shared().token("membre").basin(basin, "COMMITTEE_MEMBER").sign());
        assertThat(member.get(path(basin, "")).status()).isEqualTo(403);
        assertThat(member.post(path(basin, ""), "{}").status()).isEqualTo(403);

        for (int i = 0; i < 3; i++) {
            assertThat(operator.post(path(basin, ""), """
                    {"url":"%s","eventTypes":["%s"]}""".formatted(receiverUrl("/d" + i), ProjectEvents.PROJECT_SUBMITTED))
                    .status()).isEqualTo(201);
        }
        ApiClient.Response fourth = operator.post(path(basin, ""), """
                {"url":"%s","eventTypes":["%s"]}""".formatted(receiverUrl("/d4"), ProjectEvents.PROJECT_SUBMITTED));
        assertThat(fourth.status()).as("at most three here").isEqualTo(409);
        assertThat(fourth.json().get("detail").asString()).contains("supprimez-en un");
        assertThat(operator.get(path(basin, "?size=201")).status()).isEqualTo(400);
        assertThat(operator.get(path(basin, "?size=2&page=1")).json().get("items")).hasSize(1);
    }

    private ApiClient operator(String basin) {
        return ApiClient.on(port).as(TestIssuer.shared().token("operateur-" + basin).basin(basin, "OPERATOR").sign());
    }

    private static String path(String basin, String rest) {
        return "/api/basins/" + basin + "/webhooks" + rest;
    }

    private static String receiverUrl(String path) {
        return "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + path;
    }

    private static List<Received> at(String path) {
        return new ArrayList<>(RECEIVED.stream().filter(r -> r.path().equals(path)).toList());
    }

    private void publish(String eventId, String basin, String topic, String type, String subject, Object event, Instant at) {
        String payload = json.writeValueAsString(event);
        EventContract.assertConforms(type, payload);
        publisher.publish(new OutboxEntry(eventId, topic, type, "/basins/" + basin + "/test/" + subject, subject, basin, 1,
                at, payload));
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                RECEIVED.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
                Deque<Integer> answers = ANSWERS.get(path);
                Integer status = answers == null ? null : answers.poll();
                byte[] answer = (status == null ? "ok" : "indisponible").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
