package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.alize.infra.EmbeddedInfra;
import org.alize.infra.FreePorts;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml as it would run, without Docker: its effective configuration ({@code docker-compose
 * config} with the example secrets), each service's jar started with exactly the environment compose gives
 * it, its host names mapped to this machine (the embedded Kafka and MongoDB, free ports). Every health
 * check must turn UP, and a token from the provider must work through the gateway. Two deviations, both the
 * embedded MongoDB's: it has no replica set (the URI's {@code replicaSet} is dropped) and answers no
 * {@code hello} (its health indicator is off, as in the local stack).
 */
class ComposeSmokeIT {

    private static final List<String> START_ORDER = List.of("identity-service", "basin-service", "project-service",
            "finance-service", "reporting-service", "notification-service", "console", "gateway");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root = Path.of(System.getProperty("alize.root", "..")).toAbsolutePath().normalize();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @SuppressWarnings("unchecked")
    void every_service_of_the_compose_file_starts_healthy_with_its_environment_and_answers_through_the_gateway()
            throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        Map<String, Integer> ports = new LinkedHashMap<>();
        START_ORDER.forEach(service -> ports.put(service, FreePorts.next()));
        Path envFile = Files.createTempFile("alize-compose-", ".env");
        String secret = "smoke-admin-tool-secret-" + System.nanoTime();
        Files.writeString(envFile, String.join("\n",
                "ALIZE_IDENTITY_KEY_PASSWORD=a-key-password-for-the-compose-smoke-test",
                "ALIZE_WEBHOOK_KEY_PASSWORD=a-webhook-key-password-for-the-compose-smoke-test",
                "ALIZE_CONSOLE_CLIENT_SECRET=a-console-secret-for-the-compose-smoke-test",
                "ALIZE_ADMIN_TOOL_SECRET=" + secret,
                "ALIZE_PUBLIC_URL=http://localhost:" + ports.get("gateway"),
                "ALIZE_ISSUER_URI=http://localhost:" + ports.get("identity-service"),
                "ALIZE_SECURE_COOKIE=false", "ALIZE_SMTP_HOST=", ""));
        Map<String, Object> compose = new Yaml().load(run("docker-compose", "--env-file", envFile.toString(), "-f",
                root.resolve("docker-compose.yml").toString(), "config"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys(START_ORDER.toArray(String[]::new));
        assertThat(services.entrySet().stream().filter(s -> s.getValue().containsKey("build")).map(Map.Entry::getKey))
                .as("every service built from this repository is started here").containsExactlyInAnyOrderElementsOf(START_ORDER);
        assertThat(published(services)).as("only the gateway and the provider are published")
                .containsExactlyInAnyOrder("gateway", "identity-service");

        List<Process> started = new ArrayList<>();
        try (EmbeddedInfra infra = EmbeddedInfra.ephemeral()) {
            Map<String, String> hosts = new LinkedHashMap<>();
            hosts.put("mongo:27017", infra.mongoConnectionString().replaceFirst("^mongodb://", "").replaceAll("/.*$", ""));
            hosts.put("kafka:9092", infra.kafkaBootstrapServers());
            for (String service : START_ORDER) {
                String port = String.valueOf(environment(services.get(service)).get("SERVER_PORT"));
                hosts.put(service + ":" + port, "localhost:" + ports.get(service));
            }
            for (String service : START_ORDER) {
                Map<String, String> env = mapped(environment(services.get(service)), hosts);
                int management = FreePorts.next();
                env.put("SERVER_PORT", String.valueOf(ports.get(service)));
                env.put("MANAGEMENT_SERVER_PORT", String.valueOf(management));
                env.computeIfPresent("SPRING_MONGODB_URI", (name, uri) -> uri.replace("/?replicaSet=rs0", "/"));
                env.put("MANAGEMENT_HEALTH_MONGODB_ENABLED", "false");
                started.add(start(service, env));
                awaitUp(service, started.get(started.size() - 1), URI.create("http://localhost:" + management
                        + "/actuator/health"));
            }

            String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + ports.get("identity-service") + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("alize-admin-tool:" + secret)
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asString();
            HttpResponse<String> basins = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + ports.get("gateway") + "/api/network/basins")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(basins.statusCode()).as(basins.body()).isEqualTo(200);
            assertThat(basins.body()).contains("\"items\"");
            System.out.printf("compose smoke test: %d services started from docker-compose config, all UP, "
                    + "a client-credentials token answered through the gateway%n", started.size());
        } finally {
            for (Process process : started) {
                process.destroy();
            }
            for (Process process : started) {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        return env instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The services with a port reachable from other hosts (one bound to the loopback, as Jaeger's UI, is not). */
    private static List<String> published(Map<String, Map<String, Object>> services) {
        return services.entrySet().stream().filter(s -> s.getValue().get("ports") instanceof List<?> ports
                && ports.stream().anyMatch(port -> !String.valueOf(port).startsWith("127.0.0.1:")
                        && !(port instanceof Map<?, ?> spec && "127.0.0.1".equals(spec.get("host_ip")))))
                .map(Map.Entry::getKey).toList();
    }

    /** Every value with the compose host names replaced by this machine's addresses. */
    private static Map<String, String> mapped(Map<String, Object> environment, Map<String, String> hosts) {
        Map<String, String> env = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            String text = value == null ? "" : String.valueOf(value);
            for (Map.Entry<String, String> host : hosts.entrySet()) {
                text = text.replace(host.getKey(), host.getValue());
            }
            env.put(name, text);
        });
        return env;
    }

    private Process start(String service, Map<String, String> env) throws IOException {
        Path jar = root.resolve(service).resolve("target").resolve(service + ".jar");
        assertThat(jar).as("built jar of " + service).exists();
        Path log = root.resolve("system-tests/target/compose-smoke-" + service + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitUp(String service, Process process, URI health) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertThat(process.isAlive()).as(service + " stopped during start-up: see "
                            + "system-tests/target/compose-smoke-" + service + ".log").isTrue();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 && response.body().contains("\"UP\"");
                });
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
