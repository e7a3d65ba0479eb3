package org.alize.gateway;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Two token buckets a request must both pass, in memory (so per gateway instance: behind N instances the rates
 * are N times these):
 * <ul>
 * <li>per client, the token's subject, else the caller's address ({@code alize.gateway.rate-limit});</li>
 * <li>per basin, for a request on a basin's own paths ({@code /api/basins/{id}/…}) by one of its members: all of
 * the basin's members together ({@code alize.gateway.basin-rate-limit}). A basin that floods the platform, with
 * one client or a hundred, spends its own share and not the others' time. Only a token that names the basin is
 * counted there: nobody can spend another basin's share by sending requests to its paths (those are refused by
 * the services, and count toward the sender's own client limit).</li>
 * </ul>
 * Buckets idle for ten minutes are forgotten once there are many; past {@link Buckets#MAX_BUCKETS} clients (a
 * flood from ever new addresses) those idle for ten seconds go too, and a new client beyond it is refused until
 * room is made, so the buckets never hold more memory than that. A refused request gets 429 with
 * {@code Retry-After}.
 */
@Component
class RateLimiting implements GlobalFilter, Ordered {

    private static final String BASIN_PATHS = "/api/basins/";

    private final GatewaySettings.RateLimit clientLimit;
    private final GatewaySettings.BasinRateLimit basinLimits;
    private final Buckets clients = new Buckets();
    private final Buckets basins = new Buckets();

    RateLimiting(GatewaySettings settings) {
        this.clientLimit = settings.gateway().rateLimit();
        GatewaySettings.BasinRateLimit basin = settings.gateway().basinRateLimit();
        this.basinLimits = basin != null ? basin
                : new GatewaySettings.BasinRateLimit(clientLimit.perSecond(), clientLimit.burst(), Map.of());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal().map(principal -> admit(exchange, principal))
                .switchIfEmpty(Mono.fromSupplier(() -> admit(exchange, null)))
                .flatMap(refusal -> refusal == Refusal.NONE ? chain.filter(exchange) : refuse(exchange, refusal));
    }

    private Refusal admit(ServerWebExchange exchange, Principal principal) {
        long now = System.nanoTime();
        String client = principal != null ? "sub:" + principal.getName() : "ip:" + address(exchange);
        if (!clients.take(client, clientLimit, now)) {
            return new Refusal("rate.limited", "Vous avez dépassé " + clientLimit.perSecond()
                    + " requêtes par seconde ; réessayez dans un instant.");
        }
        String basin = memberBasin(exchange.getRequest().getPath().value(), principal);
        if (basin != null) {
            GatewaySettings.RateLimit limit = basinLimits.of(basin);
            if (!basins.take(basin, limit, now)) {
                return new Refusal("rate.basin-limited", "Les membres du bassin « " + basin + " » ont envoyé ensemble plus de "
                        + limit.perSecond() + " requêtes par seconde, sa part de la plateforme ; réessayez dans un instant.");
            }
        }
        return Refusal.NONE;
    }

    /** The basin whose paths {@code path} is under, if the caller's token names it; else null. */
    static String memberBasin(String path, Principal principal) {
        if (!path.startsWith(BASIN_PATHS) || !(principal instanceof JwtAuthenticationToken jwt)) {
            return null;
        }
        int end = path.indexOf('/', BASIN_PATHS.length());
        String basin = path.substring(BASIN_PATHS.length(), end < 0 ? path.length() : end);
        return jwt.getToken().getClaims().get("basins") instanceof Map<?, ?> granted && granted.containsKey(basin)
                ? basin : null;
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, Refusal refusal) {
        exchange.getResponse().getHeaders().set("Retry-After", "1");
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, refusal.code(), "Trop de requêtes", refusal.detail());
    }

    private static String address(ServerWebExchange exchange) {
        return exchange.getRequest().getRemoteAddress() == null || exchange.getRequest().getRemoteAddress().getAddress() == null
                ? "unknown" : exchange.getRequest().getRemoteAddress().getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private record Refusal(String code, String detail) {
        static final Refusal NONE = new Refusal(null, null);
    }

    /** Token buckets by key, each refilled at its limit's rate up to its burst. */
    static final class Buckets {

        private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;
        private static final long BRIEFLY_IDLE_NANOS = 10L * 1_000_000_000L;
        private static final int SWEEP_ABOVE = 10_000;
        /** Beyond this many clients seen within minutes (addresses are cheap to vary), a new one waits its turn. */
        static final int MAX_BUCKETS = 100_000;

        private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
        /** A sweep passes over every bucket: at most one a second, not one per request. */
        private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

        int size() {
            return buckets.size();
        }

        boolean take(String key, GatewaySettings.RateLimit limit, long now) {
            long swept = lastSweep.get();
            if (buckets.size() > SWEEP_ABOVE && now - swept > 1_000_000_000L && lastSweep.compareAndSet(swept, now)) {
                buckets.values().removeIf(b -> now - b.last > IDLE_NANOS);
                if (buckets.size() > MAX_BUCKETS) {
                    buckets.values().removeIf(b -> now - b.last > BRIEFLY_IDLE_NANOS);
                }
            }
            if (buckets.size() > MAX_BUCKETS && !buckets.containsKey(key)) {
                return false;
            }
            Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now));
            synchronized (bucket) {
                bucket.tokens = Math.min(limit.burst(), bucket.tokens + (now - bucket.last) / 1e9 * limit.perSecond());
                bucket.last = now;
                if (bucket.tokens >= 1) {
                    bucket.tokens -= 1;
                    return true;
                }
                return false;
            }
        }
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
