package org.alize.console.security;

import java.util.Map;

import org.alize.console.ConsoleSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Logging in: the console is a confidential OpenID Connect client of identity-service using the
 * authorization code flow with PKCE. The tokens stay in the server-side session; the browser holds a
 * session cookie (HttpOnly, Secure, SameSite=Lax) and sends a CSRF token with every form. Logging out
 * ends the session here and at the provider.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

    public static final String REGISTRATION = "alize";

    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleSettings settings) {
        String publicUrl = trim(settings.identity().publicUrl().toString());
        String internalUrl = trim(settings.identity().internal().toString());
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(publicUrl + "/oauth2/authorize")
                .tokenUri(internalUrl + "/oauth2/token")
                .jwkSetUri(internalUrl + "/oauth2/jwks")
                .userInfoUri(internalUrl + "/userinfo")
                .userNameAttributeName("sub")
                .issuerUri(publicUrl)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", publicUrl + "/connect/logout"))
                .clientName("ALIZÉ")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /**
     * The user's tokens are kept in their session (shared by every instance, see web-sessions), not in one instance's
     * memory by login: each session has its own, and closing a session from « Mon compte » revokes exactly those.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Gets the user's access token for an API call, refreshing it when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    @Bean
    SecurityFilterChain consoleChain(HttpSecurity http, ClientRegistrationRepository registrations,
            ConsoleSettings settings, Environment environment) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        String identity = trim(settings.identity().publicUrl().toString());
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/assets/**", "/actuator/health", "/actuator/health/**", "/error",
                                "/favicon.ico", "/accessibilite", "/dev/mails").permitAll()
                        .requestMatchers(request -> onManagementPort(request.getLocalPort(), environment)).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver)))
                .logout(out -> out.logoutUrl("/deconnexion").logoutSuccessHandler(logout))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                                + "base-uri 'self'; form-action 'self' " + identity))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    static boolean onManagementPort(int localPort, Environment environment) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        return management != null && management > 0 && !management.equals(server) && localPort == management;
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
