package org.alize.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * The basin the current thread works for, or the network level, or nothing.
 *
 * <p>Held in a plain (never inheritable) thread-local: work handed to another thread does not carry it
 * along by accident. Every entry point opens a {@link Scope} and closes it in {@code finally}
 * (try-with-resources), which restores what was there before, so a pooled thread never keeps a
 * previous request's basin. The basin also goes into the logging MDC as {@code basin}.
 */
public final class BasinContext {

    public static final String MDC_KEY = "basin";
    private static final String NETWORK_MDC_VALUE = "*network*";

    private static final ThreadLocal<Tenant> CURRENT = new ThreadLocal<>();

    private BasinContext() {
    }

    /** The basin of the current work, if it is basin work. */
    public static Optional<BasinId> current() {
        Tenant tenant = CURRENT.get();
        return tenant == null ? Optional.empty() : Optional.ofNullable(tenant.basin());
    }

    /** The basin of the current work; fails when there is none. */
    public static BasinId require() {
        return current().orElseThrow(() -> new NoBasinInContextException("this operation"));
    }

    /** Whether the current work is network-level (ASTREES' view of all basins). */
    public static boolean isNetwork() {
        Tenant tenant = CURRENT.get();
        return tenant != null && tenant.basin() == null;
    }

    public static boolean isEmpty() {
        return CURRENT.get() == null;
    }

    public static Scope open(BasinId basin) {
        if (basin == null) {
            throw new IllegalArgumentException("basin is required");
        }
        return enter(new Tenant(basin));
    }

    public static Scope openNetwork() {
        return enter(Tenant.NETWORK);
    }

    public static <T> T callIn(BasinId basin, Supplier<T> work) {
        try (Scope ignored = open(basin)) {
            return work.get();
        }
    }

    public static void runIn(BasinId basin, Runnable work) {
        try (Scope ignored = open(basin)) {
            work.run();
        }
    }

    public static <T> T callInNetwork(Supplier<T> work) {
        try (Scope ignored = openNetwork()) {
            return work.get();
        }
    }

    /**
     * Forgets any basin on this thread. For entry points whose start and end are separate callbacks
     * (a Kafka record interceptor); everywhere else close the {@link Scope}.
     */
    public static void clear() {
        CURRENT.remove();
        MDC.remove(MDC_KEY);
    }

    private static Scope enter(Tenant tenant) {
        Tenant previous = CURRENT.get();
        set(tenant);
        return () -> {
            if (previous == null) {
                clear();
            } else {
                set(previous);
            }
        };
    }

    private static void set(Tenant tenant) {
        CURRENT.set(tenant);
        MDC.put(MDC_KEY, tenant.basin() == null ? NETWORK_MDC_VALUE : tenant.basin().value());
    }

    /** Closing restores the context that was there when the scope was opened. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private record Tenant(BasinId basin) {
        static final Tenant NETWORK = new Tenant(null);
    }
}
