package org.alize.identity.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alize.identity.IdentitySettings;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ClientRegistrationTest {

    private static IdentitySettings settings(Map<String, IdentitySettings.Client> clients) {
        return new IdentitySettings("http://localhost:9000", "alize", new IdentitySettings.Tokens(java.time.Duration.ofMinutes(15),
                java.time.Duration.ofHours(8), java.time.Duration.ofMinutes(5)), null, null, null, null, null, clients);
    }

    @Test
    void a_client_granted_an_unknown_role_or_basin_stops_the_start() {
        IdentitySettings.Client typo = new IdentitySettings.Client("{noop}s", List.of("client_credentials"), null, null, null,
                Set.of("NETWORK_ADMN"), null);
        assertThatThrownBy(() -> new AuthorizationServerConfiguration().registeredClients(settings(Map.of("tool", typo)), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tool");
        IdentitySettings.Client badBasin = new IdentitySettings.Client("{noop}s", List.of("client_credentials"), null, null,
                null, Set.of(), Map.of("Pas Un Bassin", Set.of("OPERATOR")));
        assertThatThrownBy(() -> new AuthorizationServerConfiguration().registeredClients(settings(Map.of("tool", badBasin)), null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_code_client_requires_pkce_and_a_public_one_cannot_use_client_credentials() {
        IdentitySettings.Client console = new IdentitySettings.Client("{noop}s", List.of("authorization_code", "refresh_token"),
                List.of("http://localhost:8080/login/oauth2/code/alize"), null, null, null, null);
        RegisteredClient registered = AuthorizationServerConfiguration.registration("console", console,
                settings(Map.of("console", console)));
        assertThat(registered.getClientSettings().isRequireProofKey()).isTrue();
        IdentitySettings.Client publicTool = new IdentitySettings.Client(null, List.of("client_credentials"), null, null, null,
                null, null);
        assertThatThrownBy(() -> AuthorizationServerConfiguration.registration("tool", publicTool,
                settings(Map.of("tool", publicTool)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_client_whose_secret_variable_was_left_empty_stops_the_start() {
        IdentitySettings.Client unset = new IdentitySettings.Client("{noop}", List.of("client_credentials"), null, null, null,
                null, null);
        assertThatThrownBy(() -> AuthorizationServerConfiguration.registration("alize-admin-tool", unset,
                settings(Map.of("alize-admin-tool", unset)))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty secret");
    }
}
