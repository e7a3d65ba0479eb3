package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.alize.localstack.LocalStack;
import org.alize.localstack.Services;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** The stack of README's first command comes up whole, and every service in it guards its API. */
class PlatformStartsIT {

    private final LocalStack platform = Platform.get();

    @Test
    void kafka_mongodb_and_the_token_issuer_answer() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.kafkaBootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
        try (MongoClient mongo = MongoClients.create(platform.mongoConnectionString())) {
            assertThat(mongo.listDatabaseNames().into(new ArrayList<>())).isNotNull();
        }
        HttpResponse<String> jwks = PlatformClient.anonymous().get(URI.create(platform.issuer().jwkSetUri()));
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"");
    }

    @Test
    void every_service_of_the_stack_is_healthy_and_refuses_an_anonymous_api_call() throws Exception {
        assertThat(platform.serviceUrls().keySet())
                .containsExactlyInAnyOrderElementsOf(Services.ALL.stream().map(s -> s.name()).toList());
        for (URI service : platform.serviceUrls().values()) {
            assertThat(PlatformClient.anonymous().get(service.resolve("/actuator/health")).statusCode()).isEqualTo(200);
        }
        for (URI service : apiServices()) {
            HttpResponse<String> anonymous = PlatformClient.anonymous().get(service.resolve("/api/basins/valenciennois/profile"));
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        }
    }

    @Test
    void a_token_for_another_basin_gets_nothing_from_any_service() throws Exception {
        String foreign = platform.issuer().token("intrus").basin("terres-de-lorraine", "OPERATOR").sign();
        for (URI service : apiServices()) {
            HttpResponse<String> response = PlatformClient.as(foreign).get(service.resolve("/api/basins/valenciennois/profile"));
            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void the_console_sends_an_anonymous_visitor_to_the_login() throws Exception {
        HttpResponse<String> page = PlatformClient.anonymous().download(platform.serviceUrls().get("gateway")
                .resolve("/bassins/valenciennois"), "text/html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/oauth2/authorization/alize");
        assertThat(page.body()).doesNotContain("Valenciennois");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ALIZE_CONSOLE="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Lax");
    }

    /** The services with an API (all but the console, a web application that logs its visitors in). */
    private java.util.List<URI> apiServices() {
        return platform.serviceUrls().entrySet().stream().filter(e -> !e.getKey().equals(Services.CONSOLE))
                .map(java.util.Map.Entry::getValue).toList();
    }
}
