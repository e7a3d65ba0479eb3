package org.alize.infra;

import java.nio.file.Path;

/**
 * Kafka and MongoDB together, started and stopped as one. With a data directory, Kafka keeps its log
 * in {@code kafka/} and MongoDB its documents in {@code mongo/alize.mv} beneath it; without one, both
 * live for this JVM only.
 */
public final class EmbeddedInfra implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final Path tempDir;

    private EmbeddedInfra(EmbeddedKafka kafka, EmbeddedMongo mongo, Path tempDir) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.tempDir = tempDir;
    }

    /**
     * Ports 0 pick free ones. The system property {@code alize.embedded.mongo=memory} keeps MongoDB's documents in
     * memory instead (nothing survives a restart): for the benchmarks, which measure the platform rather than
     * mongo-java-server's file store (documents serialised with Java serialisation into H2, no secondary indexes).
     */
    public static EmbeddedInfra persistent(Path dataDir, int kafkaPort, int mongoPort) {
        EmbeddedMongo mongo = "memory".equalsIgnoreCase(System.getProperty("alize.embedded.mongo"))
                ? EmbeddedMongo.inMemory(mongoPort)
                : EmbeddedMongo.onFile(dataDir.resolve("mongo").resolve("alize.mv"), mongoPort);
        try {
            return new EmbeddedInfra(EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort), mongo, null);
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }

    /** Free ports, in-memory MongoDB and a Kafka log in a temporary directory removed on close. */
    public static EmbeddedInfra ephemeral() {
        Path tempDir = TempDirs.create("alize-kafka-");
        EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
        try {
            return new EmbeddedInfra(EmbeddedKafka.start(tempDir, 0), mongo, tempDir);
        } catch (RuntimeException e) {
            mongo.close();
            TempDirs.deleteQuietly(tempDir);
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            mongo.close();
            if (tempDir != null) {
                TempDirs.deleteQuietly(tempDir);
            }
        }
    }
}
