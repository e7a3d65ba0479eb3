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
    private TestIssuer issuer;
    private SeedContext seedContext;
    private final Map<String, URI> serviceUrls = new LinkedHashMap<>();
    private final List<ServiceProcess> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean closed;

    /** The development password identity-service encrypts its signing keys with in this stack. */
    static final String DEV_KEY_PASSWORD = "alize-local-stack-key-password";
    /** The client the seeders use (client credentials), with ASTREES' network role and operator on the demo basins. */
    public static final String SEEDER_CLIENT = "alize-seeder";
    static final String SEEDER_SECRET = "alize-seeder-dev-secret";
    /** The console's client (authorization code + PKCE, confidential), for the console and browser tests. */
    public static final String CONSOLE_CLIENT = "console";
    public static final String CONSOLE_SECRET = "alize-console-dev-secret";

    private final DevMailbox mailbox;

    private LocalStack(StackOptions options, EmbeddedInfra infra, DevMailbox mailbox) {
        this.options = options;
        this.infra = infra;
        this.mailbox = mailbox;
    }

    public static void main(String[] args) throws InterruptedException {
        StackOptions options = StackOptions.fromEnvironment(Path.of("").toAbsolutePath());
        LocalStack stack = prepare(options);
        // registered before any service starts: Ctrl-C or SIGTERM during the start stops what has started
        Thread stop = new Thread(() -> {
            System.out.println("Arrêt de la plateforme…");
            stack.close();
            System.out.println("Plateforme arrêtée.");
        }, "alize-stack-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            stack.boot();
        } catch (RuntimeException e) {
            if (stack.isClosed()) {
                return; // stopped during the start: the shutdown hook is stopping everything
            }
            System.err.println("La plateforme n'a pas démarré : " + e.getMessage());
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stop);
            System.exit(1);
            return;
        }
        stack.printSummary();
        Thread.currentThread().join();
    }

    /** Starts infrastructure, issuer, services and seeders; on any failure stops what it started and rethrows. */
    public static LocalStack start(StackOptions options) {
        LocalStack stack = prepare(options);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The infrastructure, started; the services not yet: {@link #boot()} starts them, {@link #close()} stops all. */
    public static LocalStack prepare(StackOptions options) {
        options.console().println("Démarrage de Kafka et MongoDB (données : " + options.dataDir() + ")…");
        EmbeddedInfra infra = EmbeddedInfra.persistent(options.dataDir(), options.kafkaPort(), options.mongoPort());
        try {
            java.util.Set<Integer> reserved = new java.util.HashSet<>(options.servicePorts().values());
            reserved.addAll(List.of(options.kafkaPort(), options.mongoPort(), options.issuerPort()));
            return new LocalStack(options, infra, DevMailbox.start(reserved));
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    /**
     * Starts the issuer, the services one by one (each healthy before the next) and the seeders. If the stack is
     * closed meanwhile, the start fails naming the service it was waiting for, and nothing is left running.
     */
    public void boot() {
        startServices();
        if (options.seed()) {
            runSeeders();
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void startServices() {
        options.services().forEach(service -> serviceUrls.put(service.name(),
                URI.create("http://localhost:" + options.servicePorts().get(service.name()))));
        if (!serviceUrls.containsKey(Services.IDENTITY)) {
            issuer = TestIssuer.onPort(options.issuerPort());
        }
        // identity-service first (the others check tokens against it, the console logs in with it), then all the
        // others side by side: their start-ups overlap instead of adding up
        List<ServiceSpec> others = new ArrayList<>();
        for (ServiceSpec service : options.services()) {
            if (!service.name().equals(Services.IDENTITY)) {
                others.add(service);
                continue;
            }
            launch(service);
            String identity = serviceUrls.get(Services.IDENTITY).toString();
            // personas' tokens are signed by identity-service itself, at its development endpoint (on in this stack only)
            issuer = TestIssuer.signedBy(URI.create(identity + "/dev/tokens"), identity, identity + "/oauth2/jwks");
        }
        java.util.concurrent.ExecutorService starting = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, others.size()));
        try {
            List<java.util.concurrent.Future<ServiceProcess>> launched = others.stream()
                    .map(service -> starting.submit(() -> launch(service))).toList();
            for (java.util.concurrent.Future<ServiceProcess> service : launched) {
                try {
                    service.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrompu pendant le démarrage des services", e);
                }
            }
        } finally {
            starting.shutdownNow();
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
        ServiceProcess process;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("arrêt demandé avant le démarrage de " + service.name());
            }
            process = ServiceProcess.start(service.name(), command(jar), environment(service),
                    options.dataDir().resolve("logs").resolve(service.name() + ".log"), options.console());
            processes.add(process);
        }
        try {
            process.awaitHealthy(url.resolve("/actuator/health"), HEALTH_TIMEOUT);
        } catch (RuntimeException e) {
            if (isClosed()) {
                throw new IllegalStateException("arrêt demandé pendant le démarrage de " + service.name(), e);
            }
            throw e;
        }
        options.console().printf(Locale.ROOT, "%s prêt en %.1f s%n", service.name(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        return process;
    }

    /** Stops one service's JVM (as a crash or an operator would), leaving the rest of the stack running. */
    public synchronized void stopService(String name) {
        processes.stream().filter(p -> p.name().equals(name) && p.isAlive()).forEach(ServiceProcess::close);
        processes.removeIf(p -> p.name().equals(name));
    }

    /** Kills one service's JVM with SIGKILL ({@code kill -9}): no shutdown hook, nothing flushed, nothing handed over. */
    public synchronized void killService(String name) {
        processes.stream().filter(p -> p.name().equals(name) && p.isAlive()).forEach(ServiceProcess::kill);
        processes.removeIf(p -> p.name().equals(name));
    }

    /**
     * Freezes (SIGSTOP) or thaws (SIGCONT) one service's JVM: it keeps its port and accepts connections but
     * answers nothing, as a service stuck in a long pause or a deadlock would.
     */
    public synchronized void hangService(String name, boolean hung) {
        for (ServiceProcess process : processes) {
            if (process.name().equals(name) && process.isAlive()) {
                try {
                    Process kill = new ProcessBuilder("kill", hung ? "-STOP" : "-CONT", Long.toString(process.pid()))
                            .inheritIO().start();
                    if (kill.waitFor() != 0) {
                        throw new IllegalStateException("kill " + (hung ? "-STOP " : "-CONT ") + process.pid() + " failed");
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
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
        Path watch = options.root().resolve("local-stack/target/local-stack-watch.jar");
        if (Files.isRegularFile(watch)) {
            command.add("-javaagent:" + watch); // the service stops if this launcher dies (LauncherWatch)
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
        // one instance per service here: a static member, so a service restarted after a crash consumes at once
        env.put("ALIZE_MESSAGING_CONSUMER_INSTANCE_ID", service.name());
        // every mail of the stack goes to its own mailbox (never out of the machine), which the console shows
        env.put("ALIZE_IDENTITY_SMTP_HOST", "127.0.0.1");
        env.put("ALIZE_IDENTITY_SMTP_PORT", String.valueOf(mailbox.smtpPort()));
        env.put("ALIZE_IDENTITY_SMTP_STARTTLS", "false");
        env.put("ALIZE_NOTIFICATION_SMTP_HOST", "127.0.0.1");
        env.put("ALIZE_NOTIFICATION_SMTP_PORT", String.valueOf(mailbox.smtpPort()));
        env.put("ALIZE_NOTIFICATION_SMTP_STARTTLS", "false");
        // a developer's own webhook receiver on this machine is trusted here (http, loopback), nowhere else
        env.put("ALIZE_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("ALIZE_WEBHOOKS_TRUSTED_HOSTS", "127.0.0.1,localhost,::1");
        env.put("ALIZE_WEBHOOK_KEY_PASSWORD", DEV_KEY_PASSWORD);
        env.put("ALIZE_NOTIFICATION_CONSOLE_URL", serviceUrls.getOrDefault("gateway", URI.create("http://localhost:8080")).toString());
        if (service.name().equals(Services.CONSOLE)) {
            env.put("ALIZE_CONSOLE_DEV_MAILBOX_URL", mailbox.url().toString());
            env.put("ALIZE_CONSOLE_GATEWAY_URL", serviceUrls.getOrDefault("gateway", URI.create("http://localhost:8080")).toString());
            env.put("ALIZE_CONSOLE_IDENTITY_PUBLIC_URL", serviceUrls.get(Services.IDENTITY).toString());
            env.put("ALIZE_CONSOLE_CLIENT_ID", CONSOLE_CLIENT);
            env.put("ALIZE_CONSOLE_CLIENT_SECRET", CONSOLE_SECRET);
        }
        if (service.name().equals(Services.IDENTITY)) {
            env.put("ALIZE_IDENTITY_ISSUER", serviceUrls.get(Services.IDENTITY).toString());
            env.put("ALIZE_IDENTITY_KEY_PASSWORD", DEV_KEY_PASSWORD);
            env.put("SPRING_APPLICATION_JSON", identityConfiguration());
        } else {
            env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer.issuerUri());
            env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", issuer.jwkSetUri());
            env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", TestIssuer.AUDIENCE);
        }
        serviceUrls.forEach((name, url) ->
                env.put("ALIZE_SERVICES_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL", url.toString()));
        return env;
    }

    /**
     * identity-service's clients in this stack: the seeders' (client credentials) and the console's (code + PKCE,
     * redirected to the gateway). DEMO.md's password {@code alize-demo} is shorter than the production minimum,
     * so the minimum is 10 here; the demo's administrators and operators sign in with it alone (production
     * asks them for an authenticator's code too); and identity-service's development token endpoint is on, so the
     * stack's tests act as any persona without its private key leaving it.
     */
    private String identityConfiguration() {
        String gateway = serviceUrls.getOrDefault("gateway", URI.create("http://localhost:8080")).toString();
        return """
                {"alize":{"identity":{"invitations":{"minimum-password-length":10},"second-factor":{"required-roles":[]},
                  "dev-tokens":{"enabled":true},
                  "clients":{
                  "%s":{"secret":"{noop}%s","grant-types":["client_credentials"],"network-roles":["NETWORK_ADMIN"],
                        "basins":{%s}},
                  "%s":{"secret":"{noop}%s","grant-types":["authorization_code","refresh_token"],
                        "redirect-uris":["%s/login/oauth2/code/alize"],"post-logout-redirect-uris":["%s/"]}}}}}
                """.formatted(SEEDER_CLIENT, SEEDER_SECRET, String.join(",", DemoLogins.BASINS.stream()
                        .map(basin -> "\"" + basin + "\":[\"OPERATOR\"]").toList()),
                CONSOLE_CLIENT, CONSOLE_SECRET, gateway, gateway);
    }

    private void runSeeders() {
        Path markers = options.dataDir().resolve("seeds");
        SeedContext context = seedContext();
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
        if (!serviceUrls.containsKey(Services.IDENTITY)) {
            out.println("  Jetons (dév.)  " + issuer.issuerUri());
        }
        serviceUrls.forEach((name, url) -> out.printf("  %-14s %s%n", name, url));
        if (serviceUrls.isEmpty()) {
            out.println("  (aucun service encore : seule l'infrastructure tourne)");
        }
        if (serviceUrls.containsKey("gateway")) {
            out.println("  Entrée unique  " + serviceUrls.get("gateway") + "/api/…  (Swagger UI : "
                    + serviceUrls.get("gateway") + "/swagger-ui.html)");
            if (serviceUrls.containsKey(Services.CONSOLE)) {
                out.println("  Console        " + serviceUrls.get("gateway") + "/  ← ouvrez cette adresse dans un navigateur");
            }
        }
        out.println("  Journaux       " + options.dataDir().resolve("logs"));
        if (serviceUrls.containsKey("gateway") && serviceUrls.containsKey(Services.CONSOLE)) {
            out.println("  Courriels      " + serviceUrls.get("gateway") + "/dev/mails  (boîte de la pile locale : aucun "
                    + "courriel ne sort de cette machine)");
        }
        if (serviceUrls.containsKey(Services.IDENTITY)) {
            URI identity = serviceUrls.get(Services.IDENTITY);
            out.println("  Connexion      " + identity + "/login  (fournisseur OpenID Connect : " + identity
                    + "/.well-known/openid-configuration)");
            out.println("Connexions de démonstration (mot de passe « " + DemoLogins.PASSWORD + " ») :");
            DemoLogins.ALL.forEach(login -> out.printf("  %-26s %s%n", login.login(), login.who()));
            out.println("Client des outils (client credentials) : " + SEEDER_CLIENT + " / " + SEEDER_SECRET);
        }
        out.println("Ctrl-C pour tout arrêter.");
    }

    public String kafkaBootstrapServers() {
        return infra.kafkaBootstrapServers();
    }

    public String mongoConnectionString() {
        return infra.mongoConnectionString();
    }

    /**
     * Signs persona tokens: with identity-service's own key when it runs in this stack (so the services
     * accept them as they accept its tokens), else the development issuer's.
     */
    public TestIssuer issuer() {
        return issuer;
    }

    /** The services' URLs and tokens of the seeders' client, as the seeders get them. */
    public synchronized SeedContext seedContext() {
        if (seedContext == null) {
            seedContext = new SeedContext(serviceUrls, SEEDER_CLIENT, SEEDER_SECRET);
        }
        return seedContext;
    }

    /** The stack's mailbox: every mail its services sent. */
    public DevMailbox mailbox() {
        return mailbox;
    }

    public Map<String, URI> serviceUrls() {
        return Map.copyOf(serviceUrls);
    }

    /** Process ids of the service JVMs still running: none once the stack is closed. */
    public List<Long> runningServicePids() {
        return processes.stream().filter(ServiceProcess::isAlive).map(ServiceProcess::pid).toList();
    }

    /** Each running service's process id, by service name (what a harness reads the memory of). */
    public synchronized Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.stream().filter(ServiceProcess::isAlive).forEach(p -> pids.put(p.name(), p.pid()));
        return pids;
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
        if (issuer != null) {
            issuer.close();
        }
        mailbox.close();
        infra.close();
    }
}
