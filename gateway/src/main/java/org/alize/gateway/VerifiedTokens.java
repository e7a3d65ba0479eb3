package org.alize.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.alize.kernel.Digests;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Access tokens the gateway has verified, kept until they expire, so that a client's every request does
 * not pay an RSA signature check (a fifth of the gateway's CPU when measured). Keyed by the token's SHA-256,
 * never the token; at most {@value #MAX_TOKENS} tokens, the expired dropped first. Revocation is not the
 * gateway's concern: each service checks a revoked or disabled account on every request, so caching here
 * refuses nothing later than before.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedTokens {

    static final int MAX_TOKENS = 10_000;

    /** Wraps whatever decoder Spring Boot configured (issuer, keys, audiences), keeping all its checks. */
    @Bean
    static BeanPostProcessor alizeVerifiedTokenCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof Cached)
                        ? new Cached(decoder, Clock.systemUTC(), MAX_TOKENS) : bean;
            }
        };
    }

    static final class Cached implements ReactiveJwtDecoder {

        private final ReactiveJwtDecoder delegate;
        private final Clock clock;
        private final int capacity;
        private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

        Cached(ReactiveJwtDecoder delegate, Clock clock, int capacity) {
            this.delegate = delegate;
            this.clock = clock;
            this.capacity = capacity;
        }

        @Override
        public Mono<Jwt> decode(String token) {
            String key = digest(token);
            Jwt known = verified.get(key);
            if (known != null) {
                if (valid(known, clock.instant())) {
                    return Mono.just(known);
                }
                verified.remove(key);
            }
            return delegate.decode(token).doOnNext(jwt -> remember(key, jwt));
        }

        private void remember(String key, Jwt jwt) {
            Instant now = clock.instant();
            if (!valid(jwt, now)) {
                return;
            }
            if (verified.size() >= capacity) {
                verified.values().removeIf(cached -> !valid(cached, now));
                if (verified.size() >= capacity) {
                    verified.clear(); // a flood of distinct valid tokens: start again rather than grow
                }
            }
            verified.put(key, jwt);
        }

        int size() {
            return verified.size();
        }

        private static boolean valid(Jwt jwt, Instant now) {
            return jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(now);
        }

        private static String digest(String token) {
            return Digests.sha256Hex(token);
        }
    }
}
