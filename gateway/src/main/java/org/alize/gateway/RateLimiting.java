package org.alize.gateway;

import java.security.Principal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client (the token's subject, else the caller's address), in memory: the limit holds per
 * gateway instance, so behind N instances a client gets up to N times the rate. Buckets idle for ten minutes
 * are forgotten once there are many. A refused request gets 429 with {@code Retry-After}.
 */
@Component
class RateLimiting implements GlobalFilter, Ordered {

    private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;
    private static final int SWEEP_ABOVE = 10_000;

    private final double perSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiting(GatewaySettings settings) {
        this.perSecond = settings.gateway().rateLimit().perSecond();
        this.burst = settings.gateway().rateLimit().burst();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal().map(Principal::getName).map(name -> "sub:" + name)
                .defaultIfEmpty("ip:" + address(exchange)).flatMap(client -> {
                    if (take(client, System.nanoTime())) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set("Retry-After", "1");
                    return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate.limited", "Trop de requêtes",
                            "Vous avez dépassé " + (int) perSecond + " requêtes par seconde ; réessayez dans un instant.");
                });
    }

    boolean take(String client, long now) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> now - b.last > IDLE_NANOS);
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.last) / 1e9 * perSecond);
            bucket.last = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    private static String address(ServerWebExchange exchange) {
        return exchange.getRequest().getRemoteAddress() == null || exchange.getRequest().getRemoteAddress().getAddress() == null
                ? "unknown" : exchange.getRequest().getRemoteAddress().getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }
}
