package org.alize.bench.load;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import io.gatling.javaapi.core.Simulation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one Gatling simulation in a JVM of its own (Gatling's launcher; not in the harness's JVM, which hosts Kafka
 * and MongoDB; its reports under {@code bench/target/gatling}) and
 * reads back the figures the simulation recorded ({@link Recorded}): per request, the count, the errors, the
 * throughput and the 50th, 95th and 99th percentiles.
 */
final class GatlingRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GatlingRun() {
    }

    /** A request's figures: milliseconds, and requests per second. */
    record Stats(long count, long ko, double perSecond, double p50, double p95, double p99, double max) {
    }

    static Map<String, Stats> run(Class<? extends Simulation> simulation, Map<String, String> properties, String description) {
        Path results = Path.of("bench", "target", "gatling").toAbsolutePath();
        try {
            Files.createDirectories(results);
            Path summary = results.resolve(simulation.getSimpleName() + "-" + System.nanoTime() + ".json");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", classpath()));
            properties.forEach((name, value) -> command.add("-D" + Target.PREFIX + name + "=" + value));
            command.add("-D" + Target.PREFIX + "summary=" + summary);
            command.addAll(List.of("io.gatling.app.Gatling", "--simulation", simulation.getName(), "--results-folder",
                    results.toString(), "--run-description", description, "--launcher", "alize-load-harness"));
            Path log = results.resolve(simulation.getSimpleName() + ".log");
            Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int status = gatling.waitFor();
            if (status != 0 && status != 2) { // 2: assertions failed, which these simulations do not set
                throw new IllegalStateException(simulation.getSimpleName() + " ended with status " + status + ": see " + log);
            }
            return read(summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** This program's class path, as the class loader that runs it knows it (exec:java's, or the JVM's own). */
    private static String classpath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = GatlingRun.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Map<String, Stats> read(Path statsJson) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(statsJson));
        Map<String, Stats> stats = new LinkedHashMap<>();
        root.properties().forEach(request -> {
            JsonNode s = request.getValue();
            stats.put(request.getKey(), new Stats(s.path("count").asLong(), s.path("ko").asLong(), s.path("perSecond").asDouble(),
                    s.path("p50").asDouble(), s.path("p95").asDouble(), s.path("p99").asDouble(), s.path("max").asDouble()));
        });
        return stats;
    }
}
