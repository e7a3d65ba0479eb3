package org.alize.tenancy.web;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.alize.tenancy.Grants;
import org.alize.tenancy.NetworkRole;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zero trust: every service checks the bearer token itself, whether or not the call came through the
 * gateway. Stateless (no session, no cookie), problem+json answers for 401 and 403. A service that
 * needs more declares its own {@link SecurityFilterChain} and this one backs off.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, JwtAuthenticationConverter.class})
public class TenancySecurityConfiguration {

    static final String[] PUBLIC_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain alizeResourceServerChain(HttpSecurity http, ProblemWriter problems, Environment environment)
            throws Exception {
        return resourceServer(http, problems, environment).build();
    }

    /**
     * Access tokens revoked before they expire are refused within {@code alize.tenancy.revocations-refresh}
     * (20 s): the list is {@code alize.tenancy.revocations-uri}, or the provider's {@code /revocations} beside its
     * {@code /oauth2/jwks} when the keys come from identity-service.
     */
    @Bean
    @ConditionalOnExpression("'${alize.tenancy.revocations-uri:}' != '' "
            + "or '${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}'.endsWith('/oauth2/jwks')")
    RevokedSubjects alizeRevokedSubjects(Environment environment, ObjectProvider<JsonMapper> json) {
        String configured = environment.getProperty("alize.tenancy.revocations-uri", "");
        String uri = !configured.isBlank() ? configured : environment.getRequiredProperty(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri").replaceFirst("/oauth2/jwks$", "/revocations");
        return new RevokedSubjects(URI.create(uri), environment.getProperty("alize.tenancy.revocations-refresh",
                Duration.class, Duration.ofSeconds(20)), json.getIfAvailable(JsonMapper::new));
    }

    /**
     * Applies the platform's resource-server rules to {@code http}: for a service that declares chains of its
     * own (identity-service) and wants the same checks on its API.
     */
    public static HttpSecurity resourceServer(HttpSecurity http, ProblemWriter problems, Environment environment)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers(request -> onManagementPort(request.getLocalPort(), environment)).permitAll()
                        // metrics name every basin's database and activity: ASTREES' administrators only, off the management port
                        .requestMatchers("/actuator/**").hasAuthority("NETWORK_" + NetworkRole.NETWORK_ADMIN.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(grantsConverter()))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.required",
                                    "Authentification requise",
                                    "Jeton d'accès absent, expiré ou invalide : reconnectez-vous.");
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "auth.forbidden", "Accès refusé", frenchOr(e.getMessage()))))
                .exceptionHandling(handling -> handling
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "auth.forbidden", "Accès refusé", frenchOr(e.getMessage()))));
        return http;
    }

    /**
     * A request on the management port (when {@code management.server.port} sets one apart from the service's):
     * that port is for the platform's operators and scrapers, on the internal network only, never published.
     */
    public static boolean onManagementPort(int localPort, Environment environment) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        return management != null && management > 0 && !management.equals(server) && localPort == management;
    }

    /** Authorities {@code NETWORK_<role>} and {@code BASIN_<basin>_<role>}, for method security where wanted. */
    public static JwtAuthenticationConverter grantsConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(TenancySecurityConfiguration::authorities);
        return converter;
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        Grants grants = Grants.fromClaims(jwt.getClaims());
        List<GrantedAuthority> authorities = new ArrayList<>();
        grants.networkRoles().forEach(role -> authorities.add(new SimpleGrantedAuthority("NETWORK_" + role.name())));
        grants.basins().forEach((basin, roles) -> roles.forEach(
                role -> authorities.add(new SimpleGrantedAuthority("BASIN_" + basin + "_" + role.name()))));
        return authorities;
    }

    private static String frenchOr(String message) {
        return message == null || message.isBlank() || message.startsWith("Access Denied")
                ? "Vos droits ne permettent pas cette action." : message;
    }
}
