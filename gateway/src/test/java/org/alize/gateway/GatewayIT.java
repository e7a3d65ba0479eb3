package org.alize.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.alize.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alize.gateway.max-request-size=1KB", "alize.gateway.time-limit=2s", "alize.gateway.rate-limit.per-second=5",
        "alize.gateway.rate-limit.burst=20", "alize.gateway.basin-rate-limit.per-second=1000",
        "alize.gateway.basin-rate-limit.burst=1000", "alize.gateway.basin-rate-limit.basins.b-busy.per-second=2",
        "alize.gateway.basin-rate-limit.basins.b-busy.burst=10"})
class GatewayIT {

    private static final FakeServices SERVICES = new FakeServices(FakeServices.ROUTED);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestIssuer issuer = TestIssuer.shared();
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuerUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwkSetUri);
        for (String service : FakeServices.ROUTED) {
            registry.add("alize.services." + service + ".url", () -> SERVICES.url(service));
        }
    }

    private static String token(String subject) {
        return TestIssuer.shared().token(subject).basin("b1", "OPERATOR").sign();
    }

    private HttpResponse<String> get(String path, String token, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode routed(String path) throws Exception {
        // a client per path: the routing table is longer than one client's burst of 20
        HttpResponse<String> response = get(path, token("router-" + Integer.toHexString(path.hashCode())));
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void a_path_the_firewall_refuses_is_a_french_problem_not_an_empty_answer() throws Exception {
        for (String path : java.util.List.of("/api/basins/b1/projects/a%00b", "/api/basins/b1/projects/..%2F..%2Fadmin",
                "/api/basins/b1/projects/%00")) {
            HttpResponse<String> refused = get(path, token("firewall"));
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
            assertThat(refused.body()).as(path).contains("Requête refusée");
        }
    }

    @Test
    void each_path_goes_to_the_service_that_owns_it() throws Exception {
        Map<String, String> expected = Map.ofEntries(Map.entry("/api/basins/b1/projects/p1", "project"),
                Map.entry("/api/basins/b1/sessions", "project"), Map.entry("/api/basins/b1/committee", "project"),
                Map.entry("/api/basins/b1/committees/approval", "basin"), Map.entry("/api/basins/b1/profile", "basin"),
                Map.entry("/api/basins/b1/advances/a1/repayments", "finance"), Map.entry("/api/basins/b1/journal/fec", "finance"),
                Map.entry("/api/basins/b1/indicators/series", "reporting"),
                Map.entry("/api/network/indicators", "reporting"), Map.entry("/api/network/basins", "basin"),
                Map.entry("/api/network/meetings/summary", "basin"), Map.entry("/api/network/users/karim", "identity"),
                Map.entry("/api/basins/b1/users", "identity"), Map.entry("/api/basins/b1/accounts/balances", "finance"),
                Map.entry("/api/network/signing-keys", "identity"), Map.entry("/bassins/b1/projets", "console"),
                Map.entry("/", "console"), Map.entry("/login/oauth2/code/alize", "console"),
                Map.entry("/api/network/outbox/finance-service/parked", "finance"),
                Map.entry("/api/network/outbox/project-service/parked/e1/retry", "project"),
                Map.entry("/api/network/outbox/reporting-service/parked", "reporting"),
                Map.entry("/api/network/outbox/identity-service/parked", "identity"),
                Map.entry("/api/network/outbox/basin-service/parked", "basin"),
                Map.entry("/api/basins/b1/notifications/preferences", "notification"),
                Map.entry("/api/basins/b1/webhooks", "notification"),
                Map.entry("/api/basins/b1/project-imports", "project"),
                Map.entry("/api/me/login-sessions/end", "identity"),
                Map.entry("/api/basins/b1/imports", "basin"),
                Map.entry("/api/basins/b1/webhooks/w1/deliveries", "notification"));
        for (Map.Entry<String, String> route : expected.entrySet()) {
            assertThat(routed(route.getKey()).get("service").asString()).as(route.getKey()).isEqualTo(route.getValue());
        }
        assertThat(routed("/api/basins/b1/indicators?year=2025").get("uri").asString())
                .isEqualTo("/api/basins/b1/indicators?year=2025");
    }

    @Test
    void one_swagger_ui_lists_every_service_api() throws Exception {
        HttpResponse<String> config = get("/v3/api-docs/swagger-config", null);
        assertThat(config.statusCode()).isEqualTo(200);
        for (String service : new String[] {"basin", "project", "finance", "reporting", "identity", "notification"}) {
            assertThat(config.body()).contains("/api-docs/" + service);
            JsonNode docs = JSON.readTree(get("/api-docs/" + service, null).body());
            assertThat(docs.get("service").asString()).isEqualTo(service);
            assertThat(docs.get("uri").asString()).isEqualTo("/v3/api-docs");
            assertThat(docs.get("headers").get("x-forwarded-host").asString()).isEqualTo("localhost:" + port);
        }
        HttpResponse<String> ui = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui.html"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isIn(200, 302);
        assertThat(get("/api-docs/basin/../../api/basins/b1/profile", null).statusCode()).isIn(400, 401, 404);
    }

    @Test
    void no_valid_token_no_entry() throws Exception {
        HttpResponse<String> none = get("/api/basins/b1/projects", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(none.body()).contains("jeton d'accès valide");
        TestIssuer issuer = TestIssuer.shared();
        for (String bad : new String[] {issuer.token("x").expired().sign(), issuer.token("x").signWithForeignKey(),
                issuer.token("x").audience("autre").sign(), issuer.token("x").issuer("http://ailleurs").sign(),
                "pas.un.jeton"}) {
            assertThat(get("/api/basins/b1/projects", bad).statusCode()).isEqualTo(401);
        }
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        for (String hidden : new String[] {"/actuator/gateway/routes", "/actuator/env", "/actuator/metrics", "/fallback/basin"}) {
            assertThat(get(hidden, token("curious")).statusCode()).as(hidden).isIn(403, 404);
        }
    }

    @Test
    void tenant_and_untrusted_forwarding_headers_are_dropped_and_a_trace_goes_on() throws Exception {
        HttpResponse<String> response = get("/api/basins/b1/profile", token("spoofer"), "X-Basin-Id", "b2",
                "X-Forwarded-For", "10.9.9.9", "X-Forwarded-Host", "evil.example", "Forwarded", "for=10.9.9.9",
                "ce_basinid", "b2", "X-Tenant", "b2");
        JsonNode headers = JSON.readTree(response.body()).get("headers");
        assertThat(headers.has("x-basin-id")).isFalse();
        assertThat(headers.has("ce_basinid")).isFalse();
        assertThat(headers.has("x-tenant")).isFalse();
        // what goes on is the gateway's own view of the caller, never what the caller claimed
        assertThat(headers.get("x-forwarded-host").asString()).isEqualTo("localhost:" + port);
        assertThat(headers.toString()).doesNotContain("10.9.9.9", "evil.example");
        assertThat(headers.get("authorization").asString()).startsWith("Bearer ");
        String traceparent = headers.get("traceparent").asString();
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue(traceparent.substring(3, 35));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // a caller's valid trace goes on (the gateway's own span in it); a malformed one starts a new trace
        String given = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        HttpResponse<String> traced = get("/api/basins/b1/profile", token("tracer"), "traceparent", given);
        String continued = JSON.readTree(traced.body()).get("headers").get("traceparent").asString();
        assertThat(continued).matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01").isNotEqualTo(given);
        assertThat(traced.headers().firstValue("X-Correlation-Id")).hasValue("0af7651916cd43dd8448eb211c80319c");
        String forged = JSON.readTree(get("/api/basins/b1/profile", token("tracer"), "traceparent", "00-zz-forged-01")
                .body()).get("headers").get("traceparent").asString();
        assertThat(forged).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain("forged");
    }

    @Test
    void a_stopped_service_answers_503_fast_while_others_go_on_and_it_comes_back() throws Exception {
        SERVICES.stop("finance");
        try {
            long start = System.nanoTime();
            HttpResponse<String> down = get("/api/basins/b1/advances", token("resilient"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(down.body()).contains("service des finances");
            assertThat(millis).as("fallback time").isLessThan(3000);
            assertThat(routed("/api/basins/b1/projects").get("service").asString()).isEqualTo("project");
        } finally {
            SERVICES.restart("finance");
        }
        assertThat(routed("/api/basins/b1/advances").get("service").asString()).isEqualTo("finance");

        long start = System.nanoTime();
        HttpResponse<String> slow = get("/api/basins/b1/projects/slow", token("patient"));
        assertThat(slow.statusCode()).isEqualTo(503);
        assertThat((System.nanoTime() - start) / 1_000_000).as("time limit").isLessThan(4500);
    }

    @Test
    void each_client_has_its_rate_and_requests_their_size() throws Exception {
        String greedy = token("greedy");
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> response = get("/api/basins/b1/profile", greedy);
            if (response.statusCode() == 429) {
                refused++;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(refused).isGreaterThan(0);
        assertThat(get("/api/basins/b1/profile", token("patient-neighbour")).statusCode()).isEqualTo(200);

        HttpResponse<String> big = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/basins/b1/organisations")).header("Authorization", "Bearer " + token("big"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"x\":\""
                        + "a".repeat(4000) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isEqualTo(413);
    }

    @Test
    void a_basins_members_share_its_budget_and_nobody_else_can_spend_it() throws Exception {
        // another basin's member sends requests to b-busy's paths: they count toward that client only
        String outsider = TestIssuer.shared().token("outsider").basin("b1", "OPERATOR").sign();
        for (int i = 0; i < 15; i++) {
            assertThat(get("/api/basins/b-busy/profile", outsider).statusCode()).isNotEqualTo(429);
        }
        // five members of b-busy, each far under its own client limit, spend the basin's burst of 10 together
        int admitted = 0;
        int refused = 0;
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> response = get("/api/basins/b-busy/profile",
                    TestIssuer.shared().token("member-" + (i % 5)).basin("b-busy", "OPERATOR").sign());
            if (response.statusCode() == 429) {
                refused++;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(response.body()).contains("rate.basin-limited").contains("b-busy");
            } else {
                admitted++;
            }
        }
        assertThat(admitted).as("the basin's burst, plus what refilled meanwhile").isBetween(10, 12);
        assertThat(refused).isGreaterThanOrEqualTo(3);
        // meanwhile every other basin keeps its own share
        assertThat(get("/api/basins/b1/profile", token("calm-neighbour")).statusCode()).isEqualTo(200);
    }
}
