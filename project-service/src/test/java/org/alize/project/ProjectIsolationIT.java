package org.alize.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.testing.ApiClient;
import org.alize.testing.BasinEndpoints;
import org.alize.testing.TestIssuer;
import org.alize.testing.WithAlizeInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/** Every basin endpoint of project-service, called with basin A's ids by basin B and by ASTREES: 404, nothing of A. */
@WithAlizeInfra
@SpringBootTest(classes = ProjectServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectIsolationIT {

    @LocalServerPort
    int port;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    JsonMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void no_token_of_another_basin_nor_a_network_role_reaches_any_project_endpoint() {
        new BasinFeed(publisher, json, "piso-a").valenciennoisCommittee();
        TestIssuer issuer = TestIssuer.shared();
        ApiClient owner = ApiClient.on(port).as(issuer.token("op").basin("piso-a", "OPERATOR").sign());
        String projectId = await().atMost(Duration.ofSeconds(30)).until(() -> owner.post("/api/basins/piso-a/projects",
                ProjectFlowIT.submission("lefevre", "Secrète SARL")), r -> r.status() == 201).json().get("projectId").asString();
        String sessionId = owner.post("/api/basins/piso-a/sessions", "{\"scheduledOn\":\"2026-01-15\"}").json()
                .get("sessionId").asString();

        int checked = BasinEndpoints.assertNoneReachable(mappings,
                Map.of("basinId", "piso-a", "projectId", projectId, "sessionId", sessionId, "missionId", "msn-x"),
                List.of(ApiClient.on(port).as(issuer.token("intrus").basin("piso-b", "OPERATOR", "COMMITTEE_MEMBER").sign()),
                        ApiClient.on(port).as(issuer.token("astrees").networkRoles("NETWORK_ADMIN").sign())),
                "Secrète", "Roche", "Lefèvre");

        assertThat(checked).isGreaterThan(25);
        assertThat(owner.get("/api/basins/piso-a/projects/" + projectId).status()).isEqualTo(200);
    }
}
