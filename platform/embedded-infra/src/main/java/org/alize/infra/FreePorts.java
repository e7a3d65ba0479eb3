package org.alize.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks loopback ports the operating system reports free at the time of asking. */
public final class FreePorts {

    private FreePorts() {
    }

    /** Returns {@code requested} unless it is 0, in which case a currently free port. */
    public static int orFree(int requested) {
        return requested == 0 ? next() : requested;
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
