package org.alize.gateway;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per service: it opens when half of the last 10 calls failed (at least 5), or when four
 * in five took longer than {@link #SLOW_CALL}, stays open 10 s, then lets 3 calls probe; every call is cut at
 * the configured time limit (3 s). Meanwhile the fallback answers at once, so a stopped or hung service costs
 * its callers milliseconds once five of its calls have failed, not a time-out each.
 */
@Configuration(proxyBeanMethods = false)
class Resilience {

    /** Slower than this, a call counts as slow: the services answer in tens of milliseconds, exports in one or two seconds. */
    static final Duration SLOW_CALL = Duration.ofMillis(2500);

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> alizeCircuitBreakers(GatewaySettings settings) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom().slidingWindowSize(10).minimumNumberOfCalls(5)
                        .failureRateThreshold(50).slowCallDurationThreshold(SLOW_CALL).slowCallRateThreshold(80)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .permittedNumberOfCallsInHalfOpenState(3).build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(settings.gateway().timeLimit()).build())
                .build());
    }
}
