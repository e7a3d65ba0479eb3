package org.alize.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service JVM: started with its environment, its output prefixed on the console and appended to
 * its log file, health-checked, and stopped (gracefully, then forcibly) with all its descendants.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Thread pump;
    private final Path logFile;

    private ServiceProcess(String name, Process process, Thread pump, Path logFile) {
        this.name = name;
        this.process = process;
        this.pump = pump;
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    static ServiceProcess start(String name, List<String> command, Map<String, String> environment, Path logFile,
            PrintStream console) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            String prefix = String.format("[%-9s] ", name);
            Thread pump = new Thread(() -> pump(process, log, console, prefix), "log-" + name);
            pump.setDaemon(true);
            pump.start();
            return new ServiceProcess(name, process, pump, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static void pump(Process process, Writer log, PrintStream console, String prefix) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = log) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.write(line);
                out.write(System.lineSeparator());
                out.flush();
                console.println(prefix + line);
            }
        } catch (IOException e) {
            console.println(prefix + "(log interrompu : " + e.getMessage() + ")");
        }
    }

    /** Waits until {@code health} answers 200; fails early if the process dies. */
    void awaitHealthy(URI health, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up (exit code " + process.exitValue()
                        + "); the end of its log " + logFile + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " not healthy at " + health + " after " + timeout.toSeconds() + " s");
    }

    /** The last lines the process wrote, once its output is drained: what a CI report shows of a failed start. */
    private String logTail() {
        try {
            pump.join(Duration.ofSeconds(5).toMillis());
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log illisible : " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrompu)";
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, with no grace: the JVM gets no chance to finish anything, as in a crash or an OOM kill. */
    void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            pump.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
