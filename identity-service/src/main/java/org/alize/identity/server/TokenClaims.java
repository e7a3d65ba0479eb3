package org.alize.identity.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.alize.identity.IdentitySettings;
import org.alize.identity.account.Account;
import org.alize.identity.apiclient.ApiClient;
import org.alize.identity.apiclient.ApiClients;
import org.alize.identity.account.Accounts;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.Grants;
import org.alize.tenancy.NetworkRole;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes the platform's claims into the tokens: the signing key id, the audience the services check, and
 * the grants ({@code network_roles}, {@code basins}). A person's grants are read from the account at each
 * issue, so a refresh picks up a grant withdrawn meanwhile and a disabled account gets no more tokens; a
 * client's own grants (client credentials) come from its registration.
 */
public class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final SigningKeys keys;
    private final Accounts accounts;
    private final IdentitySettings settings;
    private final ApiClients apiClients;

    public TokenClaims(SigningKeys keys, Accounts accounts, IdentitySettings settings, ApiClients apiClients) {
        this.keys = keys;
        this.apiClients = apiClients;
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getJwsHeader().keyId(keys.signingKeyId());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!idToken && !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            String clientId = context.getRegisteredClient().getClientId();
            IdentitySettings.Client client = settings.clients().get(clientId);
            // a basin's API client: its basin, with the roles of its access, read again at this very request
            Grants grants = client != null ? clientGrants(client) : apiClients.active(clientId).map(ApiClient::grants)
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                            "Ce client d'API n'est plus actif.", null)));
            context.getClaims().audience(List.of(settings.audience()))
                    .claim(Grants.NETWORK_ROLES_CLAIM, networkRoles(grants))
                    .claim(Grants.BASINS_CLAIM, basins(grants));
            return;
        }
        Account account = accounts.find(context.getPrincipal().getName())
                .filter(a -> a.status() == org.alize.identity.account.AccountStatus.ACTIVE)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "Ce compte n'est plus actif.", null)));
        if (idToken) {
            context.getClaims().claim("name", account.displayName()).claim("preferred_username", account.login())
                    .claim("email", account.email());
            return;
        }
        Grants grants = account.grants();
        if (!account.people().isEmpty()) {
            // who this account is in each basin's records (the person of basin-service): a mandatary's own projects
            context.getClaims().claim("people", new LinkedHashMap<>(account.people()));
        }
        context.getClaims().audience(List.of(settings.audience()))
                .claim("preferred_username", account.login())
                .claim(Grants.NETWORK_ROLES_CLAIM, networkRoles(grants))
                .claim(Grants.BASINS_CLAIM, basins(grants));
    }

    static Grants clientGrants(IdentitySettings.Client client) {
        Set<NetworkRole> network = new java.util.HashSet<>();
        client.networkRoles().forEach(role -> network.add(NetworkRole.valueOf(role)));
        Map<BasinId, Set<BasinRole>> basins = new LinkedHashMap<>();
        client.basins().forEach((basin, roles) -> {
            Set<BasinRole> parsed = new TreeSet<>();
            roles.forEach(role -> parsed.add(BasinRole.valueOf(role)));
            basins.put(BasinId.of(basin), parsed);
        });
        return new Grants(network, basins);
    }

    private static List<String> networkRoles(Grants grants) {
        return grants.networkRoles().stream().map(Enum::name).sorted().toList();
    }

    private static Map<String, List<String>> basins(Grants grants) {
        Map<String, List<String>> claim = new LinkedHashMap<>();
        grants.basins().forEach((basin, roles) -> claim.put(basin.value(),
                new ArrayList<>(roles.stream().map(Enum::name).sorted().toList())));
        return claim;
    }
}
