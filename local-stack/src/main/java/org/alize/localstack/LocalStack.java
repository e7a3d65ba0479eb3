package org.alize.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.alize.infra.EmbeddedInfra;
import org.alize.testing.TestIssuer;

/** The running platform on this machine; see the package documentation. */
public final class LocalStack implements AutoCloseable {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);

    private final StackOptions options;
    private final EmbeddedInfra infra;
    private final TestIssuer issuer;
    private final Map<String, URI> serviceUrls = new LinkedHashMap<>();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private boolean closed;

    private LocalStack(StackOptions options, EmbeddedInfra infra, TestIssuer issuer) {
        this.options = options;
        this.infra = infra;
        this.issuer = issuer;
    }

    public static void main(String[] args) throws InterruptedException {
        StackOptions options = StackOptions.fromEnvironment(Path.of("").toAbsolutePath());
        LocalStack stack;
        try {
            stack = start(options);
        } catch (RuntimeException e) {
            System.err.println("La plateforme n'a pas démarré : " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Arrêt de la plateforme…");
            stack.close();
            System.out.println("Plateforme arrêtée.");
        }, "alize-stack-stop"));
        stack.printSummary();
        Thread.currentThread().join();
    }

    /** Starts infrastructure, issuer, services and seeders; on any failure stops what it started and rethrows. */
    public static LocalStack start(StackOptions options) {
        PrintStream console = options.console();
        console.println("Démarrage de Kafka et MongoDB (données : " + options.dataDir() + ")…");
        EmbeddedInfra infra = EmbeddedInfra.persistent(options.dataDir(), options.kafkaPort(), options.mongoPort());
        LocalStack stack = null;
        try {
            TestIssuer issuer = TestIssuer.onPort(options.issuerPort());
            stack = new LocalStack(options, infra, issuer);
            stack.startServices();
            stack.writeDemoTokens();
            if (options.seed()) {
                stack.runSeeders();
            }
            return stack;
        } catch (RuntimeException e) {
            if (stack != null) {
                stack.close();
            } else {
                infra.close();
            }
            throw e;
        }
    }

    private void startServices() {
        options.services().forEach(service -> serviceUrls.put(service.name(),
                URI.create("http://localhost:" + options.servicePorts().get(service.name()))));
        for (ServiceSpec service : options.services()) {
            launch(service);
        }
    }

    private ServiceProcess launch(ServiceSpec service) {
        Path jar = options.root().resolve(service.jarPath());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -DskipTests package)");
        }
        URI url = serviceUrls.get(service.name());
        options.console().println("Démarrage de " + service.name() + " sur " + url + "…");
        Instant started = Instant.now();
        ServiceProcess process = ServiceProcess.start(service.name(), command(jar), environment(service),
                options.dataDir().resolve("logs").resolve(service.name() + ".log"), options.console());
        processes.add(process);
        process.awaitHealthy(url.resolve("/actuator/health"), HEALTH_TIMEOUT);
        options.console().printf(Locale.ROOT, "%s prêt en %.1f s%n", service.name(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        return process;
    }

    /** Stops one service's JVM (as a crash or an operator would), leaving the rest of the stack running. */
    public synchronized void stopService(String name) {
        processes.stream().filter(p -> p.name().equals(name) && p.isAlive()).forEach(ServiceProcess::close);
        processes.removeIf(p -> p.name().equals(name));
    }

    /** Starts a stopped service again on its port and waits until it is healthy. */
    public synchronized void startService(String name) {
        ServiceSpec service = options.services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in this stack"));
        if (processes.stream().anyMatch(p -> p.name().equals(name) && p.isAlive())) {
            throw new IllegalStateException(name + " is already running");
        }
        launch(service);
    }

    private List<String> command(Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : options.serviceJavaOptions().trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private Map<String, String> environment(ServiceSpec service) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", String.valueOf(options.servicePorts().get(service.name())));
        env.put("SPRING_MONGODB_URI", infra.mongoConnectionString());
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("MANAGEMENT_HEALTH_MONGODB_ENABLED", "false");
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer.issuerUri());
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", issuer.jwkSetUri());
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", TestIssuer.AUDIENCE);
        serviceUrls.forEach((name, url) ->
                env.put("ALIZE_SERVICES_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL", url.toString()));
        return env;
    }

    /**
     * Until identity-service exists, the demo logins of DEMO.md are bearer tokens of the development
     * issuer, valid 12 hours, written afresh at each start (the issuer's key changes with it).
     */
    private void writeDemoTokens() {
        StringBuilder file = new StringBuilder("# Jetons de démonstration (12 h), à utiliser comme « Authorization: Bearer … »\n");
        DemoLogins.ALL.forEach(login -> file.append(login.login()).append(" (").append(login.who()).append(")\n")
                .append(login.token(issuer)).append("\n\n"));
        try {
            Files.createDirectories(options.dataDir());
            Files.writeString(tokensFile(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path tokensFile() {
        return options.dataDir().resolve("demo-tokens.txt");
    }

    private void runSeeders() {
        Path markers = options.dataDir().resolve("seeds");
        SeedContext context = new SeedContext(serviceUrls, issuer);
        for (Seeder seeder : options.seeders()) {
            Path marker = markers.resolve(seeder.name() + ".done");
            if (Files.exists(marker)) {
                continue;
            }
            options.console().println("Données de démonstration : " + seeder.name() + "…");
            try {
                seeder.seed(context);
                Files.createDirectories(markers);
                Files.writeString(marker, Instant.now().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("seeder " + seeder.name() + " failed: " + e.getMessage(), e);
            }
        }
    }

    void printSummary() {
        PrintStream out = options.console();
        out.println();
        out.println("Plateforme ALIZÉ prête.");
        out.println("  Kafka          " + infra.kafkaBootstrapServers());
        out.println("  MongoDB        " + infra.mongoConnectionString());
        out.println("  Jetons (dév.)  " + issuer.issuerUri());
        serviceUrls.forEach((name, url) -> out.printf("  %-14s %s%n", name, url));
        if (serviceUrls.isEmpty()) {
            out.println("  (aucun service encore : seule l'infrastructure tourne)");
        }
        if (serviceUrls.containsKey("gateway")) {
            out.println("  Entrée unique  " + serviceUrls.get("gateway") + "/api/…  (Swagger UI : "
                    + serviceUrls.get("gateway") + "/swagger-ui.html)");
        }
        out.println("  Journaux       " + options.dataDir().resolve("logs"));
        out.println("Connexions de démonstration (jetons valables 12 h dans " + tokensFile() + ") :");
        DemoLogins.ALL.forEach(login -> out.printf("  %-26s %s%n", login.login(), login.who()));
        out.println("Ctrl-C pour tout arrêter.");
    }

    public String kafkaBootstrapServers() {
        return infra.kafkaBootstrapServers();
    }

    public String mongoConnectionString() {
        return infra.mongoConnectionString();
    }

    public TestIssuer issuer() {
        return issuer;
    }

    public Map<String, URI> serviceUrls() {
        return Map.copyOf(serviceUrls);
    }

    /** Process ids of the service JVMs still running: none once the stack is closed. */
    public List<Long> runningServicePids() {
        return processes.stream().filter(ServiceProcess::isAlive).map(ServiceProcess::pid).toList();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        issuer.close();
        infra.close();
    }
}
