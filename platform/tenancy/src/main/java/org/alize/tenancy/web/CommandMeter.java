package org.alize.tenancy.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.alize.tenancy.BasinId;

/**
 * Counts the commands each basin sends ({@code alize.commands}: {@code POST}, {@code PUT}, {@code PATCH} and
 * {@code DELETE} under {@code /api/basins/{basin}/…} that tenancy let through), by basin, method and outcome
 * ({@code 2xx}, {@code 4xx}, {@code 5xx}): who uses the service, and whose commands fail. The basin tag is bounded:
 * past {@link #MAX_BASINS} distinct basins in one instance's life, the others count as {@code other}, so no caller
 * can grow the registry without end.
 */
public final class CommandMeter {

    static final String NAME = "alize.commands";
    static final int MAX_BASINS = 2_000;
    private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final MeterRegistry registry;
    private final Set<String> basins = ConcurrentHashMap.newKeySet();

    public CommandMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(BasinId basin, String method, int status) {
        if (!COMMANDS.contains(method)) {
            return;
        }
        String tag = basins.contains(basin.value()) || (basins.size() < MAX_BASINS && basins.add(basin.value()))
                ? basin.value() : "other";
        Counter.builder(NAME).description("Commands of a basin by method and outcome").tag("basin", tag)
                .tag("method", method).tag("outcome", status / 100 + "xx").register(registry).increment();
    }
}
