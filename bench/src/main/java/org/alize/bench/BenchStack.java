package org.alize.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.alize.localstack.LocalStack;
import org.alize.localstack.ServiceSpec;
import org.alize.localstack.StackOptions;

/**
 * reporting-service alone on the local stack, on free ports, in a fresh directory, unseeded, with a JVM sized
 * for measuring (full JIT, 1 GB) rather than the local stack's lean one; its console goes to a file.
 */
final class BenchStack {

    private BenchStack() {
    }

    /** reporting-service alone; {@code -Dbench.jvm="…"} adds JVM options (a flight recording, say) to it. */
    static LocalStack reportingOnly(Path root, String name) {
        return reportingOnly(root, name, System.getProperty("bench.jvm", ""));
    }

    /** The same, with more JVM options for reporting-service ({@code -Dalize.…=…} settings to compare). */
    static LocalStack reportingOnly(Path root, String name, String moreJavaOptions) {
        try {
            Path data = Files.createTempDirectory(name);
            PrintStream console = new PrintStream(Files.newOutputStream(data.resolve("stack.log")), true,
                    StandardCharsets.UTF_8);
            StackOptions free = StackOptions.onFreePorts(root, data,
                    List.of(new ServiceSpec("reporting", "reporting-service", 8084)), List.of(), console);
            return LocalStack.start(new StackOptions(free.root(), free.dataDir(), free.kafkaPort(), free.mongoPort(),
                    free.issuerPort(), free.services(), free.servicePorts(), free.seeders(), false,
                    "-Xms256m -Xmx1g -XX:+UseSerialGC -Dspring.jmx.enabled=false " + moreJavaOptions, console));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
