package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;

import org.alize.localstack.LocalStack;
import org.alize.testing.OidcBrowser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real logins: a person through the French login page (authorization code + PKCE, as a browser and the
 * console do it), a tool with its client credentials, then calls through the gateway with those tokens.
 */
class IdentityScenarioIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalStack platform = Platform.get();
    private final URI gateway = platform.serviceUrls().get("gateway");
    private final URI identity = platform.serviceUrls().get("identity");
    private final String redirect = gateway + "/login/oauth2/code/alize";

    @Test
    void a_demo_operator_logs_in_with_code_and_pkce_and_works_through_the_gateway_in_its_basin_only() throws Exception {
        OidcBrowser.Tokens tokens = new OidcBrowser(identity).login(LocalStack.CONSOLE_CLIENT, LocalStack.CONSOLE_SECRET,
                redirect, "operateur.valenciennois", "alize-demo");
        PlatformClient operator = PlatformClient.as(tokens.accessToken());

        HttpResponse<String> projects = operator.get(gateway.resolve("/api/basins/valenciennois/projects"));
        assertThat(projects.statusCode()).as(projects.body()).isEqualTo(200);
        HttpResponse<String> users = operator.get(gateway.resolve("/api/basins/valenciennois/users"));
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        assertThat(users.body()).contains("operateur.valenciennois", "president.valenciennois");
        assertThat(operator.get(gateway.resolve("/api/basins/flandre-dunkerque/projects")).statusCode()).isEqualTo(404);
        assertThat(operator.get(gateway.resolve("/api/network/users")).statusCode()).isEqualTo(403);

        OidcBrowser.Tokens refreshed = OidcBrowser.refresh(identity, LocalStack.CONSOLE_CLIENT, LocalStack.CONSOLE_SECRET,
                tokens.refreshToken());
        assertThat(PlatformClient.as(refreshed.accessToken()).get(gateway.resolve("/api/basins/valenciennois/profile"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_password_is_refused_on_the_french_login_page() {
        assertThatThrownBy(() -> new OidcBrowser(identity).login(LocalStack.CONSOLE_CLIENT, LocalStack.CONSOLE_SECRET,
                redirect, "operateur.dunkerque", "pas-le-bon"))
                .isInstanceOfSatisfying(OidcBrowser.LoginRefused.class,
                        refused -> assertThat(refused.page()).contains("Identifiant ou mot de passe incorrect."));
    }

    @Test
    void a_tool_calls_the_network_api_through_the_gateway_with_its_client_credentials() throws Exception {
        String token = platform.seedContext().token();
        HttpResponse<String> basins = PlatformClient.as(token).get(gateway.resolve("/api/network/basins"));
        assertThat(basins.statusCode()).as(basins.body()).isEqualTo(200);
        assertThat(basins.body()).contains("valenciennois", "flandre-dunkerque");
        assertThat(OidcBrowser.tokenResponse(identity, LocalStack.SEEDER_CLIENT, "mauvais-secret",
                java.util.Map.of("grant_type", "client_credentials")).statusCode()).isEqualTo(401);
    }

    @Test
    void committee_members_appointed_in_basin_service_were_invited_with_their_role() throws Exception {
        PlatformClient astrees = PlatformClient.as(platform.seedContext().token());
        JsonNode found = JSON.readTree(astrees.get(gateway.resolve("/api/network/users?q=nadia.dubois")).body());
        JsonNode nadia = found.path("content").path(0);
        assertThat(nadia.path("status").asString()).isEqualTo("INVITED");
        assertThat(nadia.path("appointedBasinRoles").path("valenciennois").toString()).contains("COMMITTEE_MEMBER");

        JsonNode president = JSON.readTree(astrees.get(gateway.resolve("/api/network/users/president.valenciennois"))
                .body());
        assertThat(president.path("appointedBasinRoles").path("valenciennois").toString())
                .as("the demo login was matched to the committee seat by e-mail").contains("COMMITTEE_MEMBER");
    }

    @Test
    void a_disabled_accounts_access_token_stops_working_on_every_service_within_a_minute() throws Exception {
        PlatformClient astrees = PlatformClient.as(platform.seedContext().token());
        HttpResponse<String> created = astrees.post(gateway.resolve("/api/network/users"), """
                {"login":"depart.scenario","displayName":"Départ Scénario","email":"depart.scenario@example.fr",
                 "basins":{"valenciennois":["PARTNER"]}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String invitation = JSON.readTree(created.body()).path("invitationUrl").asString();
        HttpResponse<String> accepted = PlatformClient.anonymous().post(identity.resolve("/api/invitations/accept"),
                "{\"token\":\"" + invitation.substring(invitation.indexOf("jeton=") + 6)
                        + "\",\"password\":\"un mot de passe qui part\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        PlatformClient person = PlatformClient.as(new OidcBrowser(identity).login(LocalStack.CONSOLE_CLIENT,
                LocalStack.CONSOLE_SECRET, redirect, "depart.scenario", "un mot de passe qui part").accessToken());
        java.util.List<URI> everywhere = java.util.List.of(gateway.resolve("/api/basins/valenciennois/profile"),
                gateway.resolve("/api/basins/valenciennois/projects"), gateway.resolve("/api/basins/valenciennois/advances"),
                gateway.resolve("/api/basins/valenciennois/indicators"));
        for (URI uri : everywhere) {
            assertThat(person.get(uri).statusCode()).as(uri.toString()).isEqualTo(200);
        }

        assertThat(astrees.post(gateway.resolve("/api/network/users/depart.scenario/disable"),
                "{\"reason\":\"a quitté l'entreprise\"}").statusCode()).isEqualTo(200);
        long disabled = System.nanoTime();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(500)).until(() -> {
                    for (URI uri : everywhere) {
                        if (person.get(uri).statusCode() != 401) {
                            return false;
                        }
                    }
                    return true;
                });
        System.out.printf("identity: a disabled account's unexpired access token refused by every service %d ms after "
                + "the account was disabled%n", (System.nanoTime() - disabled) / 1_000_000);
    }
}
