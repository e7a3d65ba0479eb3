package org.alize.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreePortsTest {

    @Test
    void ports_are_picked_beside_the_ephemeral_range_that_outgoing_connections_draw_from() {
        assertThat(FreePorts.candidates(32_768, 60_999)).containsExactly(10_000, 32_767);
        assertThat(FreePorts.candidates(49_152, 65_535)).containsExactly(10_000, 49_151);
        assertThat(FreePorts.candidates(1_024, 40_000)).containsExactly(40_001, 65_535);
        assertThat(FreePorts.candidates(1_024, 65_535)).containsExactly(10_000, 65_535);
    }

    @Test
    void the_ephemeral_range_is_read_from_the_kernel_or_taken_as_the_iana_one(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ip_local_port_range"), "32768\t60999\n");
        assertThat(FreePorts.ephemeralRange(file)).containsExactly(32_768, 60_999);
        assertThat(FreePorts.ephemeralRange(dir.resolve("absent"))).containsExactly(49_152, 65_535);
    }

    @Test
    void a_port_handed_out_is_bindable_and_never_handed_out_twice() throws IOException {
        Path kernel = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int[] ephemeral = FreePorts.ephemeralRange(kernel);
        if (Files.isReadable(kernel)) {
            String[] bounds = Files.readAllLines(kernel).get(0).trim().split("\\s+");
            assertThat(ephemeral).containsExactly(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
        }
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            int port = FreePorts.next();
            assertThat(port < ephemeral[0] || port > ephemeral[1]).as("port %d outside %d-%d", port, ephemeral[0], ephemeral[1]).isTrue();
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = FreePorts.next();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
