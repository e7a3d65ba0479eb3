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
 * One circuit breaker per service: it opens when half of the last 20 calls failed (at least 10), stays open
 * 10 s, then lets 3 calls probe; every call is cut at the configured time limit. Meanwhile the fallback answers
 * at once, so a stopped service costs its callers milliseconds, not timeouts.
 */
@Configuration(proxyBeanMethods = false)
class Resilience {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> alizeCircuitBreakers(GatewaySettings settings) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom().slidingWindowSize(20).minimumNumberOfCalls(10)
                        .failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(10))
                        .permittedNumberOfCallsInHalfOpenState(3).build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(settings.gateway().timeLimit()).build())
                .build());
    }
}
