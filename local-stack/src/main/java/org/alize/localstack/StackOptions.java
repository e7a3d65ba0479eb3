package org.alize.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.alize.infra.FreePorts;

/**
 * Where the stack keeps its data, which ports it uses and whether it seeds. From the environment for
 * the README command ({@code ALIZE_DATA_DIR}, {@code ALIZE_KAFKA_PORT}, {@code ALIZE_MONGO_PORT},
 * {@code ALIZE_ISSUER_PORT} (the development issuer of a stack without identity-service), {@code ALIZE_<SERVICE>_PORT}, {@code ALIZE_SEED=false},
 * {@code ALIZE_SERVICE_JAVA_OPTS}); on free ports for the system tests.
 *
 * @param root the repository root, where the service jars are built
 */
public record StackOptions(Path root, Path dataDir, int kafkaPort, int mongoPort, int issuerPort,
        List<ServiceSpec> services, Map<String, Integer> servicePorts, List<Seeder> seeders, boolean seed,
        String serviceJavaOptions, PrintStream console) {

    /**
     * The services' JVMs on a laptop (the default): small heaps, the serial collector, the C1 compiler only, so that
     * seven JVMs start fast and stay small; their steady-state speed is not the point.
     */
    public static final String LEAN_JVM = "-Xms64m -Xmx320m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
            + "-XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Dspring.jmx.enabled=false";

    /**
     * The services' JVMs for measuring ({@code ALIZE_JVM_PROFILE=measured}, the load harness's default): full
     * tiered compilation (C2), the parallel collector for throughput, a heap sized so that it never limits.
     */
    public static final String MEASURED_JVM = "-Xms256m -Xmx768m -XX:+UseParallelGC -XX:MaxMetaspaceSize=256m "
            + "-Dspring.jmx.enabled=false";

    public static StackOptions fromEnvironment(Path root) {
        Function<String, String> env = name -> System.getProperty(name, System.getenv(name));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceSpec service : Services.ALL) {
            ports.put(service.name(), intOr(env.apply(service.portVariable()), service.defaultPort()));
        }
        String dataDir = env.apply("ALIZE_DATA_DIR");
        return new StackOptions(root, dataDir == null ? root.resolve(".alize") : Path.of(dataDir),
                intOr(env.apply("ALIZE_KAFKA_PORT"), 9092), intOr(env.apply("ALIZE_MONGO_PORT"), 27017),
                intOr(env.apply("ALIZE_ISSUER_PORT"), 9000), Services.ALL, ports, Seeders.ALL,
                !"false".equalsIgnoreCase(env.apply("ALIZE_SEED")),
                env.apply("ALIZE_SERVICE_JAVA_OPTS") != null ? env.apply("ALIZE_SERVICE_JAVA_OPTS")
                        : "measured".equalsIgnoreCase(env.apply("ALIZE_JVM_PROFILE")) ? MEASURED_JVM : LEAN_JVM,
                System.out);
    }

    /** Every port free, for a stack that must not collide with a developer's running one. */
    public static StackOptions onFreePorts(Path root, Path dataDir, List<ServiceSpec> services, List<Seeder> seeders,
            PrintStream console) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        services.forEach(service -> ports.put(service.name(), FreePorts.next()));
        return new StackOptions(root, dataDir, FreePorts.next(), FreePorts.next(), FreePorts.next(), services, ports,
                seeders, true, LEAN_JVM, console);
    }

    public StackOptions withSeed(boolean enabled) {
        return new StackOptions(root, dataDir, kafkaPort, mongoPort, issuerPort, services, servicePorts, seeders, enabled,
                serviceJavaOptions, console);
    }

    private static int intOr(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port attendu, pas « " + value + " »");
        }
    }
}
