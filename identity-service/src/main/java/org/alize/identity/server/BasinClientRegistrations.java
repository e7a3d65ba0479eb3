package org.alize.identity.server;

import org.alize.identity.IdentitySettings;
import org.alize.identity.apiclient.ApiClient;
import org.alize.identity.apiclient.ApiClients;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The provider's clients: the platform's own (configuration, in memory), then the basins' API clients (in MongoDB),
 * each read at every token request — so a revoked or expired one is refused at once — as a client-credentials client
 * whose secret expires with it.
 */
class BasinClientRegistrations implements RegisteredClientRepository {

    private final RegisteredClientRepository configured;
    private final ApiClients apiClients;
    private final IdentitySettings settings;

    BasinClientRegistrations(RegisteredClientRepository configured, ApiClients apiClients, IdentitySettings settings) {
        this.configured = configured;
        this.apiClients = apiClients;
        this.settings = settings;
    }

    @Override
    public void save(RegisteredClient client) {
        // a basin's client changes through ApiClients only; a configured one may have its secret's encoding upgraded
        if (!client.getClientId().startsWith(ApiClients.PREFIX)) {
            configured.save(client);
        }
    }

    @Override
    public RegisteredClient findById(String id) {
        RegisteredClient found = configured.findById(id);
        return found != null ? found : basinClient(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        RegisteredClient found = configured.findByClientId(clientId);
        return found != null ? found : basinClient(clientId);
    }

    private RegisteredClient basinClient(String clientId) {
        return apiClients.active(clientId).map(this::registration).orElse(null);
    }

    private RegisteredClient registration(ApiClient client) {
        return RegisteredClient.withId(client.clientId()).clientId(client.clientId()).clientName(client.name())
                .clientIdIssuedAt(client.createdAt()).clientSecret(client.secretHash())
                .clientSecretExpiresAt(client.expiresAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.tokens().accessTokenLifetime()).build())
                .build();
    }
}
