package org.alize.gateway;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Only a valid token of our issuer and audience gets past the gateway to {@code /api/**} (each service
 * checks it again); health is public; the console's pages pass to the console, which logs its users in
 * itself; the actuator's gateway and env endpoints and everything else the gateway owns are refused. Refusals are problems in French; security headers on every answer; CORS only for configured origins.
 */
@Configuration(proxyBeanMethods = false)
class Security {

    /** The Swagger UI and the services' OpenAPI documents: public, with a policy that lets the UI's own scripts run. */
    @Bean
    @Order(1)
    SecurityWebFilterChain documentationSecurity(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/swagger-ui.html", "/swagger-ui/**",
                        "/webjars/**", "/v3/api-docs/**", "/api-docs/*"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .authorizeExchange(exchanges -> exchanges.pathMatchers(HttpMethod.GET).permitAll().anyExchange().denyAll())
                .build();
    }

    /**
     * The management port, when {@code management.server.port} sets one apart (9464 in compose, never published):
     * health and Prometheus for the platform's operators and scrapers, without a token.
     */
    @Bean
    @Order(0)
    SecurityWebFilterChain managementSecurity(ServerHttpSecurity http, Environment environment) {
        return http.securityMatcher(exchange -> onManagementPort(exchange, environment)
                        ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(exchanges -> exchanges.pathMatchers("/actuator/health", "/actuator/health/**",
                        "/actuator/prometheus").permitAll().anyExchange().denyAll())
                .build();
    }

    private static boolean onManagementPort(org.springframework.web.server.ServerWebExchange exchange, Environment environment) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        java.net.InetSocketAddress local = exchange.getRequest().getLocalAddress();
        return management != null && management > 0 && !management.equals(server) && local != null
                && local.getPort() == management;
    }

    /**
     * The console's pages (everything outside {@link Routes#GATEWAY_OWN}): passed through as they are. The console
     * runs its own login (OpenID Connect), session, CSRF protection and security headers.
     */
    @Bean
    @Order(2)
    SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http) {
        return http.securityMatcher(new org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers(Routes.GATEWAY_OWN)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(org.springframework.security.web.server.context.NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(3)
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .cors(Customizer.withDefaults())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; frame-ancestors 'none'")))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((exchange, e) -> {
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "auth.required", "Authentification requise",
                                    "Un jeton d'accès valide est nécessaire (en-tête « Authorization: Bearer … »).");
                        }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((exchange, e) -> Problems.write(exchange,
                        HttpStatus.FORBIDDEN, "access.denied", "Accès refusé", "Cette ressource n'est pas accessible.")))
                .build();
    }

    /**
     * A request the firewall refuses before any chain (an encoded NUL or slash in the path, a path that
     * leaves its root): a French 400 problem like every other refusal, not an empty answer.
     */
    @Bean
    ServerExchangeRejectedHandler alizeRejectedExchanges() {
        return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "request.rejected",
                "Requête refusée", "L'adresse de la requête contient des caractères ou des segments interdits.");
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewaySettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        List<String> origins = settings.gateway().cors() == null ? List.of() : settings.gateway().cors().allowedOrigins();
        cors.setAllowedOrigins(origins == null ? List.of() : origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "traceparent", "Accept"));
        cors.setExposedHeaders(List.of("Location", HeaderHygiene.CORRELATION, "Retry-After", "Content-Disposition"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
