package org.alize.bench.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The figures of a simulation's requests, kept by the simulation itself (Gatling's report is HTML): each request
 * saves its status and response time, which go into an HdrHistogram per request name; at the end of the run
 * they are written as JSON where the harness reads them ({@code alize.load.summary}).
 */
final class Recorded {

    private static final Map<String, Figures> FIGURES = new ConcurrentHashMap<>();

    private Recorded() {
    }

    private static final class Figures {
        private final Histogram latencies = new Histogram(TimeUnit.MINUTES.toMillis(5), 3);
        private final AtomicLong ko = new AtomicLong();
        private final long firstNanos = System.nanoTime();
        private volatile long lastNanos = firstNanos;

        synchronized void record(int status, long millis, boolean ok) {
            latencies.recordValue(Math.max(0, millis));
            if (!ok) {
                ko.incrementAndGet();
            }
            lastNanos = System.nanoTime();
        }
    }

    /** The request, then its figures recorded under its name; {@code expected} is the status that counts as success. */
    static ChainBuilder request(String name, HttpRequestActionBuilder request, int expected) {
        return exec(request.check(status().saveAs("status"), responseTimeInMillis().saveAs("millis")))
                .exec(session -> {
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    long millis = session.contains("millis") ? session.getInt("millis") : 0;
                    FIGURES.computeIfAbsent(name, n -> new Figures()).record(status, millis, status == expected);
                    return session.remove("status").remove("millis");
                });
    }

    /** Writes every request's figures to {@code alize.load.summary}: count, errors, throughput, percentiles, in ms. */
    static void write() {
        ObjectNode all = JsonMapper.builder().build().createObjectNode();
        FIGURES.forEach((name, f) -> {
            synchronized (f) {
                double seconds = Math.max(1e-3, (f.lastNanos - f.firstNanos) / 1e9);
                all.putObject(name).put("count", f.latencies.getTotalCount()).put("ko", f.ko.get())
                        .put("perSecond", f.latencies.getTotalCount() / seconds)
                        .put("p50", f.latencies.getValueAtPercentile(50)).put("p95", f.latencies.getValueAtPercentile(95))
                        .put("p99", f.latencies.getValueAtPercentile(99)).put("max", f.latencies.getMaxValue());
            }
        });
        try {
            Files.writeString(Path.of(System.getProperty(Target.PREFIX + "summary")), all.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
