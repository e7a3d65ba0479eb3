package org.alize.tenancy.web;

import java.time.Duration;
import java.util.Optional;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.alize.tenancy.BasinId;

/**
 * Each basin's share of a service: at most {@code concurrentRequests} of its requests are worked on at once
 * (a Resilience4j bulkhead per basin), and one more waits at most {@code maxWait} for a place before it is
 * refused with a 429. A basin that floods a service fills its own bulkhead, not the server's threads, so
 * the other basins keep theirs. The gateway's per-client rate limit comes first; this is what holds when a
 * basin's many clients, or a caller that skips the gateway, push together.
 */
public final class BasinBudgets {

    private final BulkheadRegistry registry;

    public BasinBudgets(int concurrentRequests, Duration maxWait) {
        this.registry = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(concurrentRequests)
                .maxWaitDuration(maxWait).build());
    }

    /** A place for one request of {@code basin}, to release when it ends; empty when the basin's share is taken. */
    public Optional<Runnable> acquire(BasinId basin) {
        Bulkhead bulkhead = registry.bulkhead("basin-" + basin.value());
        if (!bulkhead.tryAcquirePermission()) {
            return Optional.empty();
        }
        return Optional.of(bulkhead::onComplete);
    }
}
