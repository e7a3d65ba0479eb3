package org.alize.identity.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.alize.identity.IdentitySettings;
import org.alize.identity.account.Accounts;
import org.alize.identity.revocation.Revocations;
import org.alize.identity.web.SecondFactorLogin;
import org.alize.tenancy.web.ProblemWriter;
import org.alize.tenancy.web.TenancySecurityConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains: the OAuth2 / OpenID Connect endpoints (Spring Authorization Server), the account
 * API (stateless bearer tokens, the same checks as every service), and the browser pages (French login
 * form, invitation page) with a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String[] PUBLIC_PAGES = {"/login", "/invitation", "/api/invitations/**", "/mot-de-passe-oublie",
            "/mot-de-passe/nouveau", "/api/password-resets/**", "/adresse/confirmation", "/connexion/**", "/revocations",
            "/css/**", "/favicon.ico",
            "/error", "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**"};

    /**
     * The provider's login sessions, by account (see {@link LoginSessions}): read from the sessions in MongoDB, so a
     * password set again on one instance ends the sessions every instance opened; in this instance's memory where
     * sessions are ({@code alize.web-sessions.enabled=false}).
     */
    @Bean
    @SuppressWarnings({"rawtypes", "unchecked"})
    SessionRegistry alizeLoginSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> shared) {
        FindByIndexNameSessionRepository repository = shared.getIfAvailable();
        return repository != null ? new SpringSessionBackedSessionRegistry<>(repository) : new SessionRegistryImpl();
    }

    /** Tells the registry when a session ends, so it does not keep them. */
    @Bean
    HttpSessionEventPublisher alizeSessionEvents() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain accountApiChain(HttpSecurity http, ProblemWriter problems, Environment environment)
            throws Exception {
        http.securityMatcher("/api/network/**", "/api/basins/**", "/api/me/**");
        return TenancySecurityConfiguration.resourceServer(http, problems, environment).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pagesChain(HttpSecurity http, Environment environment, SessionRegistry sessions,
            SecondFactorLogin secondFactor) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers(request -> TenancySecurityConfiguration.onManagementPort(request.getLocalPort(),
                                environment)).permitAll()
                        // metrics off the public port: a logged-in person is no operator of the platform
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().authenticated())
                // the password alone signs in only the accounts whose roles need no second factor
                .formLogin(form -> form.loginPage("/login").successHandler(secondFactor).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?deconnecte"))
                // every login session is registered, so a new password can end those the old one opened
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredUrl("/login?expiree"))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/invitations/**", "/api/password-resets/**"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    @Bean
    SigningKeys signingKeys(MongoTemplate mongo, IdentitySettings settings, Clock clock) {
        return new SigningKeys(mongo, settings.keys(), clock);
    }

    @Bean
    TokenClaims tokenClaims(SigningKeys keys, Accounts accounts, IdentitySettings settings,
            org.alize.identity.apiclient.ApiClients apiClients) {
        return new TokenClaims(keys, accounts, settings, apiClients);
    }

    @Bean
    MongoAuthorizationService authorizationService(MongoTemplate mongo, Clock clock, Revocations revocations) {
        return new MongoAuthorizationService(mongo, clock, revocations);
    }

    /** This service's own API checks the tokens it issued like any service: signature, issuer, audience, expiry. */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, IdentitySettings settings, Revocations revocations) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(settings.audience())),
                jwt -> revocations.revokes(jwt.getSubject(), jwt.getIssuedAt())
                        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "jeton révoqué", null))
                        : OAuth2TokenValidatorResult.success()));
        return decoder;
    }

    /** bcrypt (cost {@code alize.identity.password-cost}) for new hashes; older prefixes still verify and get upgraded. */
    @Bean
    @SuppressWarnings("deprecation")
    PasswordEncoder passwordEncoder(@org.springframework.beans.factory.annotation.Value("${alize.identity.password-cost:12}")
            int cost) {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of(
                "bcrypt", new BCryptPasswordEncoder(cost), "noop", NoOpPasswordEncoder.getInstance()));
        return encoder;
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentitySettings settings,
            org.alize.identity.apiclient.ApiClients apiClients) {
        List<RegisteredClient> clients = new ArrayList<>();
        settings.clients().forEach((clientId, client) -> {
            try {
                TokenClaims.clientGrants(client); // a role or basin mistyped in the configuration fails the start, not a token request
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("client " + clientId + " is granted an unknown role or basin: " + e.getMessage(), e);
            }
            clients.add(registration(clientId, client, settings));
        });
        if (clients.isEmpty()) {
            throw new IllegalStateException("alize.identity.clients declares no client: nobody could get a token");
        }
        // the basins' API clients after the platform's own: an id of the configuration is never a basin's
        return new BasinClientRegistrations(new InMemoryRegisteredClientRepository(clients), apiClients, settings);
    }

    static RegisteredClient registration(String clientId, IdentitySettings.Client client, IdentitySettings settings) {
        RegisteredClient.Builder builder = RegisteredClient.withId(clientId).clientId(clientId);
        if (client.isPublic()) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            if (client.secret().replaceFirst("^\\{[^}]*}", "").isBlank()) {
                // « {noop} » alone: what a deployment gives when the variable holding the secret is unset
                throw new IllegalStateException("client " + clientId + " has an empty secret: set it (docker-compose: "
                        + ".env, see .env.example)");
            }
            builder.clientSecret(client.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        if (client.grantTypes().isEmpty()) {
            throw new IllegalStateException("client " + clientId + " has no grant type");
        }
        client.grantTypes().forEach(type -> builder.authorizationGrantType(new AuthorizationGrantType(type)));
        boolean code = client.grantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue());
        if (code && client.redirectUris().isEmpty()) {
            throw new IllegalStateException("client " + clientId + " uses authorization_code but has no redirect URI");
        }
        if (client.grantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()) && client.isPublic()) {
            throw new IllegalStateException("client " + clientId + " uses client_credentials: it needs a secret");
        }
        client.redirectUris().forEach(builder::redirectUri);
        client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
        if (code) {
            builder.scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL);
        }
        client.scopes().forEach(builder::scope);
        IdentitySettings.Tokens tokens = settings.tokens();
        return builder
                .clientSettings(ClientSettings.builder().requireProofKey(code).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokens.accessTokenLifetime())
                        .refreshTokenTimeToLive(tokens.refreshTokenLifetime())
                        .authorizationCodeTimeToLive(tokens.authorizationCodeLifetime()).reuseRefreshTokens(false)
                        .build())
                .build();
    }
}
