package org.alize.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.alize.infra.EmbeddedMongo;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-memory mongo-java-server and a client of it for the tests of one class, without Spring or Kafka: a
 * repository or a filter on the store the services run on. {@code @RegisterExtension static final MemoryMongo
 * MONGO = new MemoryMongo();} then {@code MONGO.client()}.
 */
public final class MemoryMongo implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedMongo server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedMongo.inMemory(0);
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }

    public MongoClient client() {
        if (client == null) {
            throw new IllegalStateException("register MemoryMongo as a static @RegisterExtension field");
        }
        return client;
    }
}
