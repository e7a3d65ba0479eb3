package org.alize.gateway;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Before a request goes anywhere: drops headers a client must not decide (any tenant header, CloudEvents
 * attributes, and {@code Forwarded}/{@code X-Forwarded-*} unless the caller is a trusted proxy), makes sure a
 * valid W3C {@code traceparent} goes on (a new trace when the client sent none or a malformed one), and answers
 * with its trace id as {@code X-Correlation-Id}. The gateway's own forwarding headers are added afterwards by
 * Spring Cloud Gateway, so the services build their links (Location, OpenAPI servers) on the public entry.
 */
@Component
class HeaderHygiene implements GlobalFilter, Ordered {

    static final String CORRELATION = "X-Correlation-Id";
    private static final Pattern TRACEPARENT = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pattern trustedProxies;

    HeaderHygiene(GatewaySettings settings) {
        this.trustedProxies = Pattern.compile(settings.gateway().trustedProxies());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean trusted = request.getRemoteAddress() != null && request.getRemoteAddress().getAddress() != null
                && trustedProxies.matcher(request.getRemoteAddress().getAddress().getHostAddress()).matches();
        String traceparent = request.getHeaders().getFirst("traceparent");
        String trace = traceparent == null ? null : TRACEPARENT.matcher(traceparent).matches() ? traceparent : null;
        String sent = trace != null ? trace : "00-" + hex(16) + "-" + hex(8) + "-01";
        ServerHttpRequest cleaned = request.mutate().headers(headers -> {
            new java.util.ArrayList<>(headers.headerNames()).stream()
                    .filter(name -> dropped(name.toLowerCase(Locale.ROOT), trusted)).forEach(headers::remove);
            headers.set("traceparent", sent);
        }).build();
        exchange.getResponse().getHeaders().set(CORRELATION, sent.substring(3, 35));
        return chain.filter(exchange.mutate().request(cleaned).build());
    }

    static boolean dropped(String name, boolean trustedProxy) {
        if (name.startsWith("ce_") || name.startsWith("ce-") || name.contains("basin") || name.contains("tenant")) {
            return true;
        }
        return !trustedProxy && (name.equals("forwarded") || name.startsWith("x-forwarded-"));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
