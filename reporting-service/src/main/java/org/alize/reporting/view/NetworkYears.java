package org.alize.reporting.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.alize.reporting.indicator.Generation;
import org.alize.reporting.indicator.Generations;
import org.alize.reporting.indicator.NetworkClock;
import org.alize.tenancy.BasinContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The network's year, computed once per change of the network rather than once per request: the views of a
 * year (totals, quartiles, ranks, rows) are kept in memory with the network's change stamp they were
 * computed at, a counter every batch of events bumps ({@link NetworkClock}). A request finds them current (one
 * read of the stamp), or a little stale: within {@code alize.reporting.network-max-staleness} (2 s by default)
 * it is answered from them while one background task recomputes the year; older, it waits for the
 * recomputation. So a network of a thousand basins costs one pass over its documents per change, whatever
 * the number of readers.
 */
@Component
public class NetworkYears implements DisposableBean {

    private final ToLongFunction<Generation> stamps;
    private final Supplier<Generation> active;
    private final Clock clock;
    private final Duration maxStaleness;
    private final Map<String, Computed<?>> computed = new ConcurrentHashMap<>();
    private final Map<String, Boolean> recomputing = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alize-network-years");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    NetworkYears(NetworkClock networkClock, Generations generations, Clock clock,
            @Value("${alize.reporting.network-max-staleness:PT2S}") Duration maxStaleness) {
        this(networkClock::stamp, generations::active, clock, maxStaleness);
    }

    NetworkYears(ToLongFunction<Generation> stamps, Supplier<Generation> active, Clock clock, Duration maxStaleness) {
        this.stamps = stamps;
        this.active = active;
        this.clock = clock;
        this.maxStaleness = maxStaleness;
    }

    private record Computed<T>(long stamp, Instant at, T value) {
    }

    /** What {@code compute} gives for {@code key} in the active generation, recomputed only when the network changed. */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        Generation g = active.get();
        String slot = g + "/" + key;
        long stamp = stamp(g);
        Computed<T> known = (Computed<T>) computed.get(slot);
        if (known != null && known.stamp() == stamp) {
            return known.value();
        }
        if (known != null && Duration.between(known.at(), clock.instant()).compareTo(maxStaleness) < 0) {
            if (recomputing.putIfAbsent(slot, Boolean.TRUE) == null) {
                background.execute(() -> {
                    try {
                        BasinContext.callInNetwork(() -> computed.put(slot, new Computed<>(stamp(g), clock.instant(), compute.get())));
                    } finally {
                        recomputing.remove(slot);
                    }
                });
            }
            return known.value();
        }
        T value = compute.get();
        computed.keySet().removeIf(other -> !other.startsWith(g + "/")); // a former generation's views
        computed.put(slot, new Computed<>(stamp, clock.instant(), value));
        return value;
    }

    private long stamp(Generation g) {
        return stamps.applyAsLong(g);
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
