package org.alize.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The buckets' memory is bounded however many clients come, and a flood from new addresses cannot grow it. */
class RateLimitingTest {

    private static final GatewaySettings.RateLimit LIMIT = new GatewaySettings.RateLimit(5, 10);

    @Test
    void past_its_bound_a_new_client_waits_until_idle_ones_are_forgotten() {
        RateLimiting.Buckets buckets = new RateLimiting.Buckets();
        long start = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i <= RateLimiting.Buckets.MAX_BUCKETS; i++) {
            buckets.take("ip:10.0." + i, LIMIT, start);
        }

        assertThat(buckets.take("ip:192.0.2.1", LIMIT, start)).as("one client too many").isFalse();
        assertThat(buckets.take("ip:10.0.7", LIMIT, start)).as("a client already known keeps its bucket").isTrue();
        // eleven seconds on, the clients that sent nothing since are forgotten at the next sweep
        assertThat(buckets.take("ip:192.0.2.1", LIMIT, start + 11_000_000_000L)).isTrue();
        assertThat(buckets.size()).isLessThan(10);
    }

    @Test
    void a_clients_bucket_refills_at_its_rate_up_to_its_burst() {
        RateLimiting.Buckets buckets = new RateLimiting.Buckets();
        long now = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.take("sub:greedy", LIMIT, now)).isTrue();
        }
        assertThat(buckets.take("sub:greedy", LIMIT, now)).isFalse();
        assertThat(buckets.take("sub:greedy", LIMIT, now + 200_000_000L)).as("one more a fifth of a second later").isTrue();
        assertThat(buckets.take("sub:greedy", LIMIT, now + 200_000_000L)).isFalse();
    }
}
