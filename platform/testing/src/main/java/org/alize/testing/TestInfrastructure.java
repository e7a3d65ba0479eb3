package org.alize.testing;

/** Kafka and MongoDB as the tests of this JVM see them. */
public interface TestInfrastructure {

    String kafkaBootstrapServers();

    String mongoConnectionString();

    /** mongo-java-server rather than real MongoDB: it does not answer {@code hello}, so health checks skip it. */
    boolean isEmbedded();

    /**
     * The infrastructure of this JVM, started on first use and stopped when the JVM exits. Fails in
     * containers mode without Docker: {@link AlizeInfraExtension} turns that into a skipped test.
     */
    static TestInfrastructure shared() {
        return SharedInfrastructure.get();
    }
}
