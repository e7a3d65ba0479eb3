package org.alize.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.alize.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a management port (as in compose), Prometheus scrapes the gateway there; the public port shows no actuator but health. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class GatewayManagementIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestIssuer issuer = TestIssuer.shared();
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuerUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwkSetUri);
        for (String service : FakeServices.ROUTED) {
            registry.add("alize.services." + service + ".url", () -> "http://localhost:9");
        }
    }

    private static int status(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void prometheus_on_the_management_port_only() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        // a call to a route whose service is down (port 9): counted per route and outcome
        HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/basins/b1/projects"))
                .header("Authorization", "Bearer " + TestIssuer.shared().token("op").basin("b1", "OPERATOR").sign()).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes")
                .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"project\"")
                .containsPattern("resilience4j_circuitbreaker_calls_seconds_count\\{[^}]*kind=\"failed\",name=\"project\"");
        assertThat(status(managementPort, "/actuator/health")).isEqualTo(200);
        assertThat(status(port, "/actuator/prometheus")).isIn(401, 403, 404);
        assertThat(status(port, "/api/basins/b1/profile")).isEqualTo(401);
    }
}
