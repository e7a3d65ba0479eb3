package org.alize.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Which service owns which path (DESIGN.md). The most specific routes come first; what remains under
 * {@code /api/basins/{id}} and {@code /api/network} belongs to basin-service.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    static final Map<String, String> LABELS = Map.of("basin", "bassins", "project", "projets", "finance", "finances",
            "reporting", "indicateurs", "identity", "comptes et droits", "notification", "courriels");

    /** Users and their grants, and the signing keys: identity-service (its login pages are served by itself, the issuer). */
    private static final String[] IDENTITY = {"/api/network/users/**", "/api/network/signing-keys/**",
            "/api/basins/*/users/**", "/api/basins/*/api-clients/**", "/api/me/**"};
    /** What the gateway answers itself or routes to the services; everything else is the console's (at {@code /}). */
    static final String[] GATEWAY_OWN = {"/api/**", "/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/v3/api-docs/**", "/actuator/**", "/fallback/**"};
    private static final String[] PROJECT = {"/api/basins/*/projects/**", "/api/basins/*/sessions/**",
            "/api/basins/*/committee", "/api/basins/*/project-imports/**", "/api/network/basins/*/projects/**"};
    private static final String[] FINANCE = {"/api/basins/*/advances/**", "/api/basins/*/arrears/**",
            "/api/basins/*/loss-rate", "/api/basins/*/accounts/**", "/api/basins/*/contributions/**",
            "/api/basins/*/pledges/**", "/api/basins/*/transfers/**", "/api/basins/*/operating-expenses/**",
            "/api/basins/*/journal/**", "/api/basins/*/fund-outlook", "/api/basins/*/granted-support/**"};

    @Bean
    RouteLocator alizeRoutes(RouteLocatorBuilder builder, GatewaySettings settings) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        // each service's parked outbox events, for the network's administrators (basin-service's fall under /api/network)
        for (String service : List.of("identity", "project", "finance", "reporting")) {
            routes.route("outbox-" + service, r -> r.order(0).path("/api/network/outbox/" + service + "-service/**")
                    .filters(f -> resilient(f, service, settings)).uri(settings.url(service)));
        }
        // each service's part of a basin's archive: streamed for as long as it takes, so no time limit (the
        // connection's response time-out still bounds each wait for bytes)
        for (String service : List.of("basin", "project", "finance")) {
            routes.route("archive-" + service, r -> r.order(0).path("/api/network/archives/" + service + "-service/**")
                    .filters(f -> f.setRequestSize(settings.gateway().maxRequestSize())).uri(settings.url(service)));
        }
        return routes
                .route("identity", r -> r.order(0).path(IDENTITY)
                        .filters(f -> resilient(f, "identity", settings)).uri(settings.url("identity")))
                .route("reporting-network", r -> r.order(1).path("/api/network/indicators/**")
                        .filters(f -> resilient(f, "reporting", settings)).uri(settings.url("reporting")))
                .route("reporting-basin", r -> r.order(2).path("/api/basins/*/indicators/**")
                        .filters(f -> resilient(f, "reporting", settings)).uri(settings.url("reporting")))
                .route("notification", r -> r.order(2).path("/api/basins/*/notifications/**", "/api/basins/*/webhooks/**")
                        .filters(f -> resilient(f, "notification", settings)).uri(settings.url("notification")))
                .route("project", r -> r.order(3).path(PROJECT)
                        .filters(f -> resilient(f, "project", settings)).uri(settings.url("project")))
                .route("finance", r -> r.order(4).path(FINANCE)
                        .filters(f -> resilient(f, "finance", settings)).uri(settings.url("finance")))
                .route("basin", r -> r.order(5).path("/api/basins/**", "/api/network/**")
                        .filters(f -> resilient(f, "basin", settings)).uri(settings.url("basin")))
                .route("docs-basin", r -> r.order(6).path("/api-docs/basin").filters(f -> docs(f, "basin", settings))
                        .uri(settings.url("basin")))
                .route("docs-project", r -> r.order(6).path("/api-docs/project").filters(f -> docs(f, "project", settings))
                        .uri(settings.url("project")))
                .route("docs-finance", r -> r.order(6).path("/api-docs/finance").filters(f -> docs(f, "finance", settings))
                        .uri(settings.url("finance")))
                .route("docs-identity", r -> r.order(6).path("/api-docs/identity")
                        .filters(f -> docs(f, "identity", settings)).uri(settings.url("identity")))
                .route("docs-notification", r -> r.order(6).path("/api-docs/notification")
                        .filters(f -> docs(f, "notification", settings)).uri(settings.url("notification")))
                .route("console", r -> r.order(100).path("/**").and().not(p -> p.path(GATEWAY_OWN))
                        .filters(f -> resilient(f, "console", settings)).uri(settings.url("console")))
                .route("docs-reporting", r -> r.order(6).path("/api-docs/reporting")
                        .filters(f -> docs(f, "reporting", settings)).uri(settings.url("reporting")))
                .build();
    }

    /** A service's OpenAPI document, for the one Swagger UI at {@code /swagger-ui.html}. */
    private static GatewayFilterSpec docs(GatewayFilterSpec filters, String service, GatewaySettings settings) {
        return resilient(filters.setPath("/v3/api-docs"), service, settings);
    }

    /**
     * A circuit breaker and time limit per service with a 503 problem as fallback, reads retried once on a
     * connection failure (never a write: it may have happened; never a time-out), and the request size capped.
     */
    private static GatewayFilterSpec resilient(GatewayFilterSpec filters, String service, GatewaySettings settings) {
        return filters.setRequestSize(settings.gateway().maxRequestSize())
                .circuitBreaker(c -> c.setName(service).setFallbackUri("forward:/fallback/" + service))
                .retry(r -> r.setRetries(1).setMethods(HttpMethod.GET, HttpMethod.HEAD)
                        .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.GATEWAY_TIMEOUT)
                        // a time-out is not retried: the service is hung or slow, and a second wait doubles the caller's
                        .setExceptions(IOException.class));
    }
}
