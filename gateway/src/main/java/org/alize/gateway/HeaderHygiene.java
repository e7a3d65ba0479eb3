package org.alize.gateway;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Before a request goes anywhere: drops headers a client must not decide (any tenant header, CloudEvents
 * attributes, and {@code Forwarded}/{@code X-Forwarded-*} unless the caller is a trusted proxy), and answers with the
 * request's trace id as {@code X-Correlation-Id}. The trace itself is Micrometer Tracing's: the server observation
 * continues a valid W3C {@code traceparent} from the client (a new trace for none or a malformed one), and the
 * gateway's client observation replaces the header on the forwarded request with its own span. The gateway's own
 * forwarding headers are added afterwards by Spring Cloud Gateway, so the services build their links (Location,
 * OpenAPI servers) on the public entry.
 */
@Component
class HeaderHygiene implements GlobalFilter, Ordered {

    static final String CORRELATION = "X-Correlation-Id";

    private final Pattern trustedProxies;

    HeaderHygiene(GatewaySettings settings) {
        this.trustedProxies = Pattern.compile(settings.gateway().trustedProxies());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean trusted = request.getRemoteAddress() != null && request.getRemoteAddress().getAddress() != null
                && trustedProxies.matcher(request.getRemoteAddress().getAddress().getHostAddress()).matches();
        ServerHttpRequest cleaned = request.mutate().headers(headers ->
                new java.util.ArrayList<>(headers.headerNames()).stream()
                        .filter(name -> dropped(name.toLowerCase(Locale.ROOT), trusted)).forEach(headers::remove)).build();
        traceId(exchange).ifPresent(traceId -> exchange.getResponse().getHeaders().set(CORRELATION, traceId));
        return chain.filter(exchange.mutate().request(cleaned).build());
    }

    /** The trace of the server observation of this exchange. */
    static Optional<String> traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId());
    }

    static boolean dropped(String name, boolean trustedProxy) {
        if (name.startsWith("ce_") || name.startsWith("ce-") || name.contains("basin") || name.contains("tenant")) {
            return true;
        }
        return !trustedProxy && (name.equals("forwarded") || name.startsWith("x-forwarded-"));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
