package org.alize.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks ports the operating system reports free at the time of asking, <strong>outside its ephemeral range</strong>.
 * A port asked of the system with port 0 comes from that range, the one outgoing connections draw their local port
 * from: between the moment a stack picks a service's port and the moment the service binds it (a minute for the
 * last ones), the other services' thousands of connections to Kafka and MongoDB may take it, and the service dies
 * at start-up with its address in use. A port below (or above) that range is taken only by a listener. A port is
 * handed out once per JVM.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final int[] EPHEMERAL = ephemeralRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));

    private FreePorts() {
    }

    /** Returns {@code requested} unless it is 0, in which case a currently free port. */
    public static int orFree(int requested) {
        return requested == 0 ? next() : requested;
    }

    public static synchronized int next() {
        int[] range = candidates(EPHEMERAL[0], EPHEMERAL[1]);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(range[0], range[1] + 1);
            if (!HANDED_OUT.contains(port) && isFree(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + range[0] + " and " + range[1]
                + " after " + ATTEMPTS + " attempts");
    }

    /** The wider of the two spans beside the ephemeral range {@code [low, high]}, never below {@value #LOWEST}. */
    static int[] candidates(int low, int high) {
        int below = low - 1 - LOWEST;
        int above = 65_535 - (high + 1);
        if (below <= 0 && above <= 0) {
            return new int[] {LOWEST, 65_535};
        }
        return below >= above ? new int[] {LOWEST, low - 1} : new int[] {high + 1, 65_535};
    }

    static int[] ephemeralRange(Path file) {
        try {
            // read line by line: a /proc file reports a size of 0, and a read sized by it stops short
            String[] bounds = Files.readAllLines(file, StandardCharsets.US_ASCII).get(0).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            // not Linux: macOS and Windows draw from the IANA range
            return new int[] {49_152, 65_535};
        }
    }

    private static boolean isFree(int port) {
        // on every address, as the services bind
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
