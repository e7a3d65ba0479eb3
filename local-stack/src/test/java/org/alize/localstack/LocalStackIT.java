package org.alize.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackIT {

    private static final ServiceSpec FAKE = new ServiceSpec("fake", "fake-service", 0);

    @TempDir
    Path root;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void runs_a_service_jvm_with_the_stack_environment_waits_for_its_health_and_stops_it_without_orphans() throws Exception {
        buildFakeServiceJar();
        List<Long> pids;
        try (LocalStack stack = LocalStack.start(options(List.of(FAKE), List.of()))) {
            pids = stack.runningServicePids();
            assertThat(pids).hasSize(1);
            String log = Files.readString(root.resolve(".alize/logs/fake.log"));
            assertThat(log).contains("mongo=" + stack.mongoConnectionString())
                    .contains("kafka=" + stack.kafkaBootstrapServers())
                    .contains("issuer=" + stack.issuer().issuerUri())
                    .contains("fake service up");
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("[fake     ] fake service up");
        }
        assertThat(ProcessHandle.of(pids.get(0)).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void a_service_that_dies_during_start_up_fails_the_start_and_leaves_nothing_running() throws Exception {
        buildFakeServiceJar();
        StackOptions options = options(List.of(FAKE), List.of());

        assertThatThrownBy(() -> LocalStack.start(withFailingService(options)))
                .hasMessageContaining("fake stopped during start-up (exit code 3)")
                // the reason is in the failure itself, for a CI that keeps no log files
                .hasMessageContaining("démarrage impossible");
        assertThat(portIsFree(options.kafkaPort())).isTrue();
        assertThat(portIsFree(options.mongoPort())).isTrue();
    }

    @Test
    void a_stack_stopped_while_a_service_is_starting_names_it_and_leaves_no_process_or_port_behind() throws Exception {
        buildFakeServiceJar();
        StackOptions options = withJavaOptions(options(List.of(FAKE), List.of()), " -Dfake.slow=true");
        LocalStack stack = LocalStack.prepare(options);
        java.util.concurrent.CompletableFuture<Void> boot = java.util.concurrent.CompletableFuture.runAsync(stack::boot);
        List<Long> pids = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(stack::runningServicePids, running -> !running.isEmpty());

        stack.close(); // what the shutdown hook does on Ctrl-C or SIGTERM

        assertThatThrownBy(boot::join).hasMessageContaining("arrêt demandé pendant le démarrage de fake");
        assertThat(ProcessHandle.of(pids.get(0)).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(stack.runningServicePids()).isEmpty();
        assertThat(portIsFree(options.kafkaPort())).isTrue();
        assertThat(portIsFree(options.mongoPort())).isTrue();
    }

    @Test
    void a_second_start_on_the_same_data_directory_reuses_the_data_and_does_not_seed_again() {
        AtomicInteger seeded = new AtomicInteger();
        Seeder demo = new Seeder() {
            @Override
            public String name() {
                return "demo";
            }

            @Override
            public void seed(SeedContext context) {
                seeded.incrementAndGet();
            }
        };
        try (LocalStack stack = LocalStack.start(options(List.of(), List.of(demo)));
                MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
            mongo.getDatabase("basin_network").getCollection("basins").insertOne(new Document("_id", "valenciennois"));
        }
        try (LocalStack stack = LocalStack.start(options(List.of(), List.of(demo)));
                MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
            assertThat(mongo.getDatabase("basin_network").getCollection("basins")
                    .find(new Document("_id", "valenciennois")).first()).isNotNull();
        }
        assertThat(seeded).hasValue(1);
    }

    private StackOptions options(List<ServiceSpec> services, List<Seeder> seeders) {
        return StackOptions.onFreePorts(root, root.resolve(".alize"), services, seeders,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private static StackOptions withFailingService(StackOptions options) {
        return withJavaOptions(options, " -Dfake.fail=true");
    }

    private static StackOptions withJavaOptions(StackOptions options, String more) {
        return new StackOptions(options.root(), options.dataDir(), options.kafkaPort(), options.mongoPort(),
                options.issuerPort(), options.services(), options.servicePorts(), options.seeders(), options.seed(),
                options.serviceJavaOptions() + more, options.console());
    }

    private static boolean portIsFree(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void buildFakeServiceJar() throws IOException {
        Path jar = root.resolve(FAKE.jarPath());
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                var in = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
