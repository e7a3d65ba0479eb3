package org.alize.testing;

import org.alize.infra.EmbeddedInfra;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

final class SharedInfrastructure {

    static final String MONGO_IMAGE = "mongo:8.0";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private static TestInfrastructure instance;

    private SharedInfrastructure() {
    }

    static synchronized TestInfrastructure get() {
        if (instance == null) {
            InfraMode mode = InfraMode.requested().effective();
            instance = mode == InfraMode.CONTAINERS ? containers() : embedded();
        }
        return instance;
    }

    private static TestInfrastructure embedded() {
        EmbeddedInfra infra = EmbeddedInfra.ephemeral();
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "alize-test-infra-stop"));
        return new Infra(infra.kafkaBootstrapServers(), infra.mongoConnectionString(), true);
    }

    private static TestInfrastructure containers() {
        if (!Docker.isAvailable()) {
            throw new IllegalStateException(AlizeInfraExtension.NO_DOCKER);
        }
        // Testcontainers' Ryuk removes both containers when this JVM exits.
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        mongo.start();
        kafka.start();
        return new Infra(kafka.getBootstrapServers(), mongo.getReplicaSetUrl(), false);
    }

    private record Infra(String kafkaBootstrapServers, String mongoConnectionString, boolean isEmbedded)
            implements TestInfrastructure {
    }
}
