package org.alize.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server on a loopback port. It speaks the MongoDB wire protocol but has no sessions,
 * transactions or change streams, and does not answer {@code hello}: code that runs on it must stay
 * within what it and real MongoDB both support.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;
    private final MongoBackend backend;
    private final int port;
    private boolean closed;

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        this.server.bind("localhost", port);
        this.port = port;
    }

    /** A server that forgets everything when closed: for tests. */
    public static EmbeddedMongo inMemory(int port) {
        EmbeddedMongo mongo = new EmbeddedMongo(new MemoryBackend(), FreePorts.orFree(port));
        log.info("mongo-java-server (memory) on {}", mongo.connectionString());
        return mongo;
    }

    /** A server that keeps its databases in an H2 MVStore file, so that they survive a restart. */
    public static EmbeddedMongo onFile(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory for " + file, e);
        }
        EmbeddedMongo mongo = new EmbeddedMongo(new H2Backend(file.toAbsolutePath().toString()), FreePorts.orFree(port));
        log.info("mongo-java-server (H2 file {}) on {}", file, mongo.connectionString());
        return mongo;
    }

    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
        backend.close();
        log.info("mongo-java-server on port {} stopped", port);
    }
}
