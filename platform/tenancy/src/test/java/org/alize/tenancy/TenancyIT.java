package org.alize.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import org.alize.tenancy.app.NoteRepository;
import org.alize.tenancy.app.TenancyTestApplication.NoteListener;
import org.alize.tenancy.app.TenancyTestApplication;
import org.alize.testing.TestIssuer;
import org.alize.testing.WithAlizeInfra;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

@WithAlizeInfra
@SpringBootTest(classes = TenancyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenancyIT {

    private static final String A = "tenancy-a";
    private static final String B = "tenancy-b";

    @LocalServerPort
    int port;
    @Autowired
    NoteRepository notes;
    @Autowired
    NoteListener listener;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoClient mongo;

    private final TestIssuer issuer = TestIssuer.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_token_for_basin_a_never_reaches_basin_b_data_over_http() throws Exception {
        String operatorA = issuer.token("karim").basin(A, "OPERATOR").sign();
        String operatorB = issuer.token("sophie").basin(B, "OPERATOR").sign();
        assertThat(post("/api/basins/" + A + "/notes", operatorA, "{\"text\":\"secret de A\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> foreign = get("/api/basins/" + A + "/notes", operatorB);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(foreign.body()).contains("Bassin introuvable").doesNotContain("secret de A");

        assertThat(get("/api/basins/" + B + "/notes", operatorB).body()).isEqualTo("[]");
        assertThat(get("/api/basins/" + A + "/notes", operatorA).body()).contains("secret de A");
        assertThat(documentsIn("tenancytest_" + A)).extracting(d -> d.getString("text")).contains("secret de A");
        assertThat(documentsIn("tenancytest_" + B)).isEmpty();
    }

    @Test
    void a_network_role_does_not_read_a_basins_private_documents() throws Exception {
        String astrees = issuer.token("claire").networkRoles("NETWORK_ADMIN").sign();

        assertThat(get("/api/basins/" + A + "/notes", astrees).statusCode()).isEqualTo(404);
        assertThat(get("/api/network/summary", astrees).body()).contains("\"network\":true");
    }

    @Test
    void a_basin_role_is_refused_at_network_level() throws Exception {
        HttpResponse<String> response = get("/api/network/summary", issuer.token("karim").basin(A, "OPERATOR").sign());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Accès refusé");
    }

    @Test
    void a_role_declared_on_a_handler_is_checked_before_its_body_is_read() throws Exception {
        String member = issuer.token("louise").basin("tenancy-roles", "COMMITTEE_MEMBER").sign();
        String operator = issuer.token("karim").basin("tenancy-roles", "OPERATOR").sign();

        HttpResponse<String> refused = post("/api/basins/tenancy-roles/notes/pinned", member, "{\"text\":\"\"}");
        HttpResponse<String> pinned = post("/api/basins/tenancy-roles/notes/pinned", operator, "{\"text\":\"à voir\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Accès refusé").contains("\"code\":\"auth.forbidden\"");
        assertThat(pinned.statusCode()).isEqualTo(201);
        assertThat(documentsIn("tenancytest_tenancy-roles")).extracting(d -> d.getString("text")).containsExactly("[épinglée] à voir");
    }

    @Test
    void missing_forged_expired_and_foreign_audience_tokens_get_401_problems() throws Exception {
        List<String> refused = List.of(
                issuer.token("eve").basin(A, "OPERATOR").signWithForeignKey(),
                issuer.token("eve").basin(A, "OPERATOR").expired().sign(),
                issuer.token("eve").basin(A, "OPERATOR").unsigned(),
                issuer.token("eve").basin(A, "OPERATOR").audience("another-platform").sign());
        for (String token : refused) {
            HttpResponse<String> response = get("/api/basins/" + A + "/notes", token);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("Authentification requise").doesNotContain("secret");
        }
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/basins/" + A + "/notes")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void an_invalid_basin_id_in_the_path_is_a_404() throws Exception {
        String token = issuer.token("karim").basin(A, "OPERATOR").sign();

        assertThat(get("/api/basins/Tenancy_A/notes", token).statusCode()).isEqualTo(404);
    }

    @Test
    void a_pooled_request_thread_never_keeps_a_previous_requests_basin() throws Exception {
        String token = issuer.token("karim").basin(A, "OPERATOR").sign();
        get("/api/basins/" + A + "/notes", token);

        // one Tomcat worker thread (see application.yml): this request runs where the previous one ran
        assertThat(get("/api/whoami", token).body()).isEqualTo("{\"basin\":\"\"}");
    }

    @Test
    void invalid_input_gets_a_400_problem_with_french_field_errors_and_writes_nothing() throws Exception {
        String token = issuer.token("karim").basin("tenancy-problems", "OPERATOR").sign();

        HttpResponse<String> blank = post("/api/basins/tenancy-problems/notes", token, "{\"text\":\"\"}");
        HttpResponse<String> unreadable = post("/api/basins/tenancy-problems/notes", token, "{\"text\":");

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"field\":\"text\"").contains("ne doit pas être vide")
                .contains("\"type\":\"https://alize.astrees.fr/problems/request.invalid\"")
                .contains("\"instance\":\"/api/basins/tenancy-problems/notes\"");
        assertThat(blank.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("Requête illisible");
        assertThat(documentsIn("tenancytest_tenancy-problems")).isEmpty();
    }

    @Test
    void a_rule_violation_gets_a_422_problem_naming_the_rule() throws Exception {
        String token = issuer.token("karim").basin("tenancy-problems", "OPERATOR").sign();

        HttpResponse<String> response = post("/api/basins/tenancy-problems/notes", token, "{\"text\":\"interdit\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"rule\":\"R-99\"").contains("interdite par la règle de test")
                .contains("\"code\":\"rule.R-99\"").contains("\"type\":\"https://alize.astrees.fr/problems/rule.R-99\"");
    }

    @Test
    void a_command_replayed_with_its_idempotency_key_runs_once_and_gets_the_first_answer() throws Exception {
        String token = issuer.token("karim").basin("tenancy-idem", "OPERATOR").sign();

        HttpResponse<String> first = postWithKey("/api/basins/tenancy-idem/notes", token, "k-1", "{\"text\":\"une fois\"}");
        HttpResponse<String> replay = postWithKey("/api/basins/tenancy-idem/notes", token, "k-1", "{\"text\":\"une fois\"}");
        HttpResponse<String> reused = postWithKey("/api/basins/tenancy-idem/notes", token, "k-1", "{\"text\":\"autre\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(documentsIn("tenancytest_tenancy-idem")).hasSize(1);
    }

    @Test
    void an_idempotency_key_belongs_to_its_caller_a_held_lease_says_when_to_retry_and_a_cut_command_resumes_once_its_lease_runs_out()
            throws Exception {
        String karim = issuer.token("karim").basin("tenancy-lease", "OPERATOR").sign();
        String lea = issuer.token("lea").basin("tenancy-lease", "OPERATOR").sign();
        String path = "/api/basins/tenancy-lease/notes";
        com.mongodb.client.MongoCollection<Document> keys = mongo.getDatabase("tenancytest_tenancy-lease")
                .getCollection("idempotency_keys");

        assertThat(postWithKey(path, karim, "k-1", "{\"text\":\"de Karim\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> other = postWithKey(path, lea, "k-1", "{\"text\":\"de Karim\"}");
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(documentsIn("tenancytest_tenancy-lease")).hasSize(2);
        assertThat(keys.countDocuments()).isEqualTo(2);
        assertThat(keys.find().first().get("expiresAt")).isInstanceOf(java.util.Date.class);

        // Léa's service died mid-command: her record stays in progress under a lease
        Document hers = keys.find(new Document("state", "DONE")).into(new ArrayList<>()).stream()
                .filter(d -> d.getString("body").contains("de Karim")).reduce((a, b) -> b).orElseThrow();
        keys.updateOne(new Document("_id", hers.get("_id")), new Document("$set", new Document("state", "IN_PROGRESS")
                .append("leaseUntil", java.util.Date.from(java.time.Instant.now().plusSeconds(60)))));
        HttpResponse<String> held = postWithKey(path, lea, "k-1", "{\"text\":\"de Karim\"}");
        assertThat(held.statusCode()).isEqualTo(409);
        assertThat(held.body()).contains("idempotency.in-progress");
        assertThat(held.headers().firstValue("Retry-After").map(Integer::parseInt).orElseThrow()).isBetween(1, 61);

        keys.updateOne(new Document("_id", hers.get("_id")), new Document("$set", new Document("leaseUntil",
                java.util.Date.from(java.time.Instant.now().minusSeconds(1)))));
        HttpResponse<String> resumed = postWithKey(path, lea, "k-1", "{\"text\":\"de Karim\"}");
        assertThat(resumed.statusCode()).isEqualTo(201);
        Document after = keys.find(new Document("_id", hers.get("_id"))).first();
        assertThat(after.getString("state")).isEqualTo("DONE");
        assertThat(after.getInteger("resumptions")).isEqualTo(1);
        assertThat(postWithKey(path, lea, "k-1", "{\"text\":\"de Karim\"}").headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
    }

    @Test
    void a_keyed_command_keeps_its_answer_once_after_it_ran_and_a_refusal_a_concurrent_run_caused_is_not_kept()
            throws Exception {
        String karim = issuer.token("karim").basin("tenancy-once", "OPERATOR").sign();
        String path = "/api/basins/tenancy-once/notes";
        com.mongodb.client.MongoCollection<Document> keys = mongo.getDatabase("tenancytest_tenancy-once")
                .getCollection("idempotency_keys");

        // (a duplicate arriving while the first runs is IdempotencyFilterTest's: this application has one Tomcat thread)
        HttpResponse<String> first = postWithKey(path, karim, "k-once", "{\"text\":\"une seule fois\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> retried = postWithKey(path, karim, "k-once", "{\"text\":\"une seule fois\"}");
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(documentsIn("tenancytest_tenancy-once")).hasSize(1);
        // one record, written once with its answer: never a claim in progress
        assertThat(keys.find().into(new ArrayList<>())).singleElement().satisfies(record -> {
            assertThat(record.getString("state")).isEqualTo("DONE");
            assertThat(record.containsKey("leaseUntil")).isFalse();
        });

        // a refusal a concurrent run caused is not kept: the retry runs (and would get the first run's answer)
        HttpResponse<String> raced = postWithKey(path, karim, "k-race", "{\"text\":\"concurrente\"}");
        assertThat(raced.statusCode()).isEqualTo(409);
        assertThat(raced.body()).contains("concurrent-modification");
        assertThat(keys.countDocuments()).isEqualTo(1);
        HttpResponse<String> again = postWithKey(path, karim, "k-race", "{\"text\":\"concurrente\"}");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
        // a refusal of the command itself is kept like any answer
        assertThat(postWithKey(path, karim, "k-rule", "{\"text\":\"interdit\"}").statusCode()).isEqualTo(422);
        assertThat(postWithKey(path, karim, "k-rule", "{\"text\":\"interdit\"}").headers().firstValue("Idempotent-Replayed"))
                .hasValue("true");
    }

    @Test
    void an_expired_idempotency_key_is_a_new_command() throws Exception {
        String karim = issuer.token("karim").basin("tenancy-expiry", "OPERATOR").sign();
        String path = "/api/basins/tenancy-expiry/notes";
        com.mongodb.client.MongoCollection<Document> keys = mongo.getDatabase("tenancytest_tenancy-expiry")
                .getCollection("idempotency_keys");
        assertThat(postWithKey(path, karim, "k-old", "{\"text\":\"hier\"}").statusCode()).isEqualTo(201);
        keys.updateMany(new Document(), new Document("$set", new Document("expiresAt",
                java.util.Date.from(java.time.Instant.now().minusSeconds(1)))));

        HttpResponse<String> again = postWithKey(path, karim, "k-old", "{\"text\":\"hier\"}");

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(documentsIn("tenancytest_tenancy-expiry")).hasSize(2);
        assertThat(keys.countDocuments()).isEqualTo(1);
    }

    @Test
    void a_text_with_a_nul_or_a_direction_override_is_refused_with_its_field_and_nothing_is_stored() throws Exception {
        String operator = issuer.token("karim").basin("tenancy-bounds", "OPERATOR").sign();

        HttpResponse<String> nul = post("/api/basins/tenancy-bounds/notes", operator, "{\"text\":\"a\\u0000b\"}");
        HttpResponse<String> rtl = post("/api/basins/tenancy-bounds/notes", operator, "{\"text\":\"a\\u202Eb\"}");

        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(nul.body()).contains("\"field\":\"text\"").contains("contrôle");
        assertThat(rtl.statusCode()).isEqualTo(400);
        assertThat(documentsIn("tenancytest_tenancy-bounds")).isEmpty();
    }

    @Test
    void a_body_over_the_cap_is_refused_413_whether_its_length_is_announced_or_streamed() throws Exception {
        String operator = issuer.token("karim").basin("tenancy-bounds", "OPERATOR").sign();
        String huge = "{\"text\":\"" + "a".repeat(300 * 1024) + "\"}";

        HttpResponse<String> announced = post("/api/basins/tenancy-bounds/notes", operator, huge);
        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(uri("/api/basins/tenancy-bounds/notes"))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(announced.body()).contains("Kio");
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(documentsIn("tenancytest_tenancy-bounds")).isEmpty();
    }

    @Test
    void a_query_parameter_with_a_nul_or_an_invalid_byte_sequence_is_a_400_not_a_500() throws Exception {
        String operator = issuer.token("karim").basin("tenancy-bounds", "OPERATOR").sign();

        for (String q : List.of("%00", "a%00b", "%C0%80", "%E2%80%AE", "a".repeat(201))) {
            HttpResponse<String> response = get("/api/basins/tenancy-bounds/notes?q=" + q, operator);
            assertThat(response.statusCode()).as(q).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(response.body()).as(q).containsAnyOf("Paramètre « q » invalide", "Paramètres invalides");
        }
        assertThat(get("/api/basins/tenancy-bounds/notes?hint=" + "a".repeat(2_000), operator).statusCode())
                .as("a long parameter that is not a search, such as an ID token given back").isEqualTo(200);
    }

    @Test
    void a_path_tomcat_or_the_firewall_rejects_is_still_a_problem_document() throws Exception {
        String operator = issuer.token("karim").basin("tenancy-bounds", "OPERATOR").sign();

        for (String path : List.of("/api/basins/tenancy-bounds/notes/%00", "/api/basins/tenancy-bounds/notes/a%00b",
                "/api/basins/tenancy-bounds/notes/%C0%80", "/api/basins/tenancy-bounds/notes/..%2F..%2Fadmin")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + operator)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).as(path).get().asString()
                    .startsWith("application/problem+json");
            assertThat(response.body()).as(path).contains("\"status\":" + response.statusCode()).doesNotContain("<html");
        }
    }

    @Test
    void data_access_with_no_basin_in_context_fails() {
        assertThatThrownBy(() -> notes.findAll()).isInstanceOf(NoBasinInContextException.class);
    }

    @Test
    void indexes_are_ensured_in_a_basin_database_the_first_time_it_is_touched() {
        BasinContext.runIn(BasinId.of("tenancy-indexed"), () -> notes.count());

        List<String> indexes = mongo.getDatabase("tenancytest_tenancy-indexed").getCollection("notes")
                .listIndexes().map(index -> index.getString("name")).into(new ArrayList<>());
        assertThat(indexes).contains("author");
    }

    @Test
    void a_kafka_record_is_handled_in_the_basin_of_its_header_and_the_listener_thread_is_cleared() {
        BasinContext.runIn(BasinId.of("tenancy-kafka"), () ->
                kafka.send(TenancyTestApplication.TOPIC, "tenancy-kafka", "par Kafka").join());
        kafka.send(new ProducerRecord<>(TenancyTestApplication.TOPIC, "no-basin", "sans bassin")).join();

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.seen.size() >= 2);
        assertThat(listener.seen).containsExactly(java.util.Optional.of(BasinId.of("tenancy-kafka")), java.util.Optional.empty());
        assertThat(documentsIn("tenancytest_tenancy-kafka")).extracting(d -> d.getString("text")).containsExactly("par Kafka");
        assertThat(documentsIn("tenancytest_" + B)).isEmpty();
    }

    private List<Document> documentsIn(String database) {
        return mongo.getDatabase(database).getCollection("notes").find().into(new ArrayList<>());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postWithKey(String path, String token, String key, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
