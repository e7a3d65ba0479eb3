package org.alize.systemtests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.alize.localstack.LocalStack;
import org.alize.localstack.Seeders;
import org.alize.localstack.Services;
import org.alize.localstack.StackOptions;

/**
 * The platform under test: the same local stack as README's first command, started once per test JVM
 * from the built jars, on free ports, in a fresh data directory, with the demo data seeded. Its console
 * goes to {@code target/system-tests-stack.log}. Its services export their spans to an in-memory collector
 * ({@link #traces()}).
 */
final class Platform {

    private static LocalStack stack;
    private static RuntimeException failure;
    private static TraceCollector traces;

    private Platform() {
    }

    static synchronized LocalStack get() {
        if (failure != null) {
            throw failure;
        }
        if (stack == null) {
            Path root = Path.of(System.getProperty("alize.root", "..")).toAbsolutePath().normalize();
            try {
                Path dataDir = Files.createTempDirectory("alize-system-tests-");
                Path log = root.resolve("system-tests/target/system-tests-stack.log");
                Files.createDirectories(log.getParent());
                OutputStream file = Files.newOutputStream(log);
                StackOptions options = StackOptions.onFreePorts(root, dataDir, Services.ALL, Seeders.ALL,
                        new PrintStream(file, true, StandardCharsets.UTF_8));
                // the security suite sends thousands of requests through the gateway from a few clients
                stack = LocalStack.start(new StackOptions(options.root(), options.dataDir(), options.kafkaPort(),
                        options.mongoPort(), options.issuerPort(), options.services(), options.servicePorts(),
                        options.seeders(), options.seed(), options.serviceJavaOptions()
                                + " -Dalize.gateway.rate-limit.per-second=5000 -Dalize.gateway.rate-limit.burst=10000"
                                + " -Dalize.gateway.basin-rate-limit.per-second=5000 -Dalize.gateway.basin-rate-limit.burst=10000"
                                // the noisy neighbour's basin keeps the production share (gateway's application.yml)
                                + " -Dalize.gateway.basin-rate-limit.basins.flandre-dunkerque.per-second=30"
                                + " -Dalize.gateway.basin-rate-limit.basins.flandre-dunkerque.burst=90"
                                // spans to the test's collector, half a second after they end: only the traces a test
                                // starts sampled (PlatformClient.traced()), the rest of the suite's traffic is not
                                // recorded, so that exporting it does not weigh on the run
                                + " -Dalize.tracing.endpoint=" + traces().endpoint()
                                + " -Dmanagement.tracing.sampling.probability=0.0"
                                + " -Dmanagement.opentelemetry.tracing.export.schedule-delay=500ms",
                        options.console()));
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-tests-stack-stop"));
        }
        return stack;
    }

    /** The spans the platform's services exported (OTLP), kept in this JVM. */
    static synchronized TraceCollector traces() {
        if (traces == null) {
            traces = TraceCollector.start();
        }
        return traces;
    }
}
