package org.alize.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code alize.identity.*}: who this issuer is, how long tokens live, the lock-out policy, the signing
 * keys and the OAuth2 clients it knows.
 *
 * @param issuer       the public issuer URL written in every token ({@code iss}) and its discovery document
 * @param audience     the audience every access token is issued for ({@code aud}); the services check it
 * @param clients      the registered clients by client id
 */
@ConfigurationProperties("alize.identity")
public record IdentitySettings(
        String issuer,
        @DefaultValue("alize") String audience,
        @DefaultValue Tokens tokens,
        @DefaultValue Lockout lockout,
        @DefaultValue Invitations invitations,
        @DefaultValue PasswordResets passwordResets,
        @DefaultValue SecondFactor secondFactor,
        @DefaultValue Keys keys,
        Map<String, Client> clients) {

    public IdentitySettings {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    /**
     * Where the provider's own pages send someone back to the console: « Mon compte » of the client people sign in to
     * (authorization code, with a post-logout address: the console's base), or the login page when there is none.
     */
    public String consoleHome() {
        return clients.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                .filter(c -> c.grantTypes() != null && c.grantTypes().contains("authorization_code")
                        && !c.postLogoutRedirectUris().isEmpty())
                .map(c -> c.postLogoutRedirectUris().get(0)).map(base -> (base.endsWith("/") ? base : base + "/") + "mon-compte")
                .findFirst().orElse("/login");
    }

    public record Tokens(@DefaultValue("15m") Duration accessTokenLifetime,
            @DefaultValue("8h") Duration refreshTokenLifetime,
            @DefaultValue("5m") Duration authorizationCodeLifetime) {
    }

    /** After {@code maxFailures} wrong passwords in a row an account is locked for {@code duration}. */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {
    }

    /** An invitation link is valid for {@code lifetime}; {@code minimumPasswordLength} applies when it is used. */
    public record Invitations(@DefaultValue("7d") Duration lifetime, @DefaultValue("12") int minimumPasswordLength) {
    }

    /**
     * A link to choose a new password is valid for {@code lifetime}; a second one is not sent within
     * {@code cooldown} of the first (asking again and again fills nobody's mailbox).
     */
    public record PasswordResets(@DefaultValue("1h") Duration lifetime, @DefaultValue("5m") Duration cooldown) {
    }

    /**
     * Who must confirm a login with a code of their authenticator application: an account holding any of
     * {@code requiredRoles} (network or basin roles; ASTREES' administrators and the local operators by default,
     * none for the demo), enrolled at its next login. {@code issuer} names the platform in the application.
     */
    public record SecondFactor(@DefaultValue({"NETWORK_ADMIN", "OPERATOR"}) Set<String> requiredRoles,
            @DefaultValue("ALIZÉ") String issuer) {
    }

    /**
     * Signing keys: the private parts are stored encrypted with {@code encryptionPassword}; a new key
     * signs from every {@code rotationPeriod}; a retired key stays published for {@code retiredKept} so the
     * tokens it signed stay verifiable until they expire.
     */
    public record Keys(String encryptionPassword,
            @DefaultValue("30d") Duration rotationPeriod,
            @DefaultValue("1d") Duration retiredKept,
            @DefaultValue("30s") Duration refreshInterval) {
    }

    /**
     * One OAuth2 client.
     *
     * @param secret        its secret ({@code {bcrypt}…} or {@code {noop}…}); empty for a public client (PKCE only)
     * @param grantTypes    {@code authorization_code}, {@code refresh_token}, {@code client_credentials}
     * @param networkRoles  for {@code client_credentials}: the network roles its own tokens carry
     * @param basins        for {@code client_credentials}: the basin roles its own tokens carry
     */
    public record Client(String secret, List<String> grantTypes, List<String> redirectUris,
            List<String> postLogoutRedirectUris, List<String> scopes, Set<String> networkRoles,
            Map<String, Set<String>> basins) {

        public Client {
            grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            networkRoles = networkRoles == null ? Set.of() : Set.copyOf(networkRoles);
            basins = basins == null ? Map.of() : Map.copyOf(basins);
        }

        public boolean isPublic() {
            return secret == null || secret.isBlank();
        }
    }
}
