package org.alize.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.alize.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();
    private final ReactiveJwtDecoder keys = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            return Mono.error(new BadJwtException("signature invalide"));
        }
        Instant expires = token.startsWith("expiring") ? NOW.plusSeconds(1) : NOW.plusSeconds(300);
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("karim").issuedAt(NOW.minusSeconds(1))
                .expiresAt(expires).build());
    };

    @Test
    void a_token_is_verified_once_until_it_expires_and_a_refused_one_every_time() {
        SettableClock clock = new SettableClock(NOW);
        VerifiedTokens.Cached cached = new VerifiedTokens.Cached(keys, clock, 100);

        for (int i = 0; i < 50; i++) {
            assertThat(cached.decode("token-a").block().getSubject()).isEqualTo("karim");
        }
        assertThat(verifications).hasValue(1);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cached.decode("forged-token").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).as("a refused token is never remembered").hasValue(4);

        cached.decode("expiring-token").block();
        clock.advance(java.time.Duration.ofSeconds(2));
        cached.decode("expiring-token").block();
        assertThat(verifications).as("past its expiry, a token goes back to the keys (which refuse it)").hasValue(6);
    }

    @Test
    void the_cache_holds_a_bounded_number_of_tokens_whatever_the_flood() {
        VerifiedTokens.Cached cached = new VerifiedTokens.Cached(keys, Clock.fixed(NOW, ZoneOffset.UTC), 100);
        for (int i = 0; i < 1_000; i++) {
            cached.decode("token-" + i).block();
        }
        assertThat(cached.size()).isLessThanOrEqualTo(100);
    }
}
