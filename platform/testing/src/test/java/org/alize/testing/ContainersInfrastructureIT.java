package org.alize.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The containers path on real {@code mongo} and {@code apache/kafka} images: it runs where Docker
 * does, and is skipped with its reason elsewhere.
 */
class ContainersInfrastructureIT {

    @Test
    void real_mongodb_runs_as_a_replica_set() {
        assumeTrue(Docker.isAvailable(), AlizeInfraExtension.NO_DOCKER);
        System.setProperty(InfraMode.PROPERTY, "containers");
        try {
            TestInfrastructure infra = TestInfrastructure.shared();
            assertThat(infra.isEmbedded()).isFalse();
            try (MongoClient client = MongoClients.create(infra.mongoConnectionString())) {
                Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
                assertThat(hello.getString("setName")).isNotBlank();
                assertThat(client.listDatabaseNames().into(new ArrayList<>())).contains("admin");
            }
            assertThat(infra.kafkaBootstrapServers()).isNotBlank();
        } finally {
            System.clearProperty(InfraMode.PROPERTY);
        }
    }
}
