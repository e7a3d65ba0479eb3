package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.alize.localstack.LocalStack;
import org.alize.localstack.Services;
import org.alize.testing.OidcBrowser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Valenciennois' operator gives its CRM an API client through the gateway; the CRM gets its own token from the
 * provider and reads the basin through the gateway, writes nothing, and sees no other basin; once revoked, it gets no
 * token any more.
 */
class ApiClientScenarioIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LocalStack platform = Platform.get();
    private final URI gateway = platform.serviceUrls().get("gateway");
    private final URI issuer = platform.serviceUrls().get(Services.IDENTITY);
    private final PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
            .basin("valenciennois", "OPERATOR").sign());

    @Test
    @DisplayName("R-03: a basin's API client reads its basin through the gateway, writes nothing there, and sees no other basin")
    void a_basins_crm_reads_through_the_gateway_with_its_own_client_until_revoked() throws Exception {
        HttpResponse<String> created = operator.post(gateway.resolve("/api/basins/valenciennois/api-clients"),
                "{\"name\":\"CRM du Valenciennois\",\"access\":\"READ\",\"validDays\":30}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode client = JSON.readTree(created.body());
        String clientId = client.get("clientId").asString();
        String secret = client.get("secret").asString();

        PlatformClient crm = PlatformClient.as(OidcBrowser.clientCredentials(issuer, clientId, secret).accessToken());
        HttpResponse<String> projects = crm.get(gateway.resolve("/api/basins/valenciennois/projects"));
        assertThat(projects.statusCode()).as(projects.body()).isEqualTo(200);
        assertThat(crm.get(gateway.resolve("/api/basins/valenciennois/advances")).statusCode()).isEqualTo(200);
        assertThat(crm.post(gateway.resolve("/api/basins/valenciennois/operating-expenses"),
                "{\"category\":\"LOCAL_ENGINEERING\",\"amount\":1,\"paidOn\":\"2026-01-05\",\"description\":\"essai\"}")
                .statusCode()).as("read only").isEqualTo(403);
        assertThat(crm.get(gateway.resolve("/api/basins/flandre-dunkerque/projects")).statusCode()).isEqualTo(404);
        assertThat(crm.get(gateway.resolve("/api/network/basins")).statusCode()).isEqualTo(403);
        assertThat(crm.get(gateway.resolve("/api/basins/valenciennois/api-clients")).statusCode())
                .as("a client does not manage clients").isEqualTo(403);

        assertThat(operator.send("DELETE", gateway.resolve("/api/basins/valenciennois/api-clients/" + clientId)).statusCode())
                .isEqualTo(204);
        assertThat(OidcBrowser.tokenResponse(issuer, clientId, secret, Map.of("grant_type", "client_credentials"))
                .statusCode()).isEqualTo(401);
    }
}
