package org.alize.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.alize.testing.WithAlizeInfra;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With {@code management.server.port} set (as docker-compose does), Prometheus scrapes the management port
 * without a token, and the service's public port serves no actuator but health's absence of secrets.
 */
@WithAlizeInfra
@SpringBootTest(classes = ReportingServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "alize.tenancy.database-prefix=mgmtit",
                "alize.reporting.consumer-group=reporting-management-it"})
class ManagementPortIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prometheus_scrapes_the_management_port_and_the_public_port_has_no_actuator() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(get(port, "/api/network/indicators").statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count");
        assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get(port, "/actuator/prometheus").statusCode()).isIn(401, 404);
    }
}
