package org.alize.tenancy.mongo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Start-up index creation only reaches the default database; each basin's database gets the indexes
 * of every mapped {@code @Document} the first time this service touches it (once per database and JVM).
 */
public class BasinDatabaseIndexes {

    private static final Logger log = LoggerFactory.getLogger(BasinDatabaseIndexes.class);

    private final MongoClient client;
    private final ObjectProvider<MongoMappingContext> mappingContext;
    private final ObjectProvider<MongoConverter> converter;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public BasinDatabaseIndexes(MongoClient client, ObjectProvider<MongoMappingContext> mappingContext,
            ObjectProvider<MongoConverter> converter) {
        this.client = client;
        this.mappingContext = mappingContext;
        this.converter = converter;
    }

    void ensureOnce(String database) {
        if (ensured.contains(database)) {
            return;
        }
        synchronized (this) {
            if (ensured.contains(database)) {
                return;
            }
            MongoMappingContext context = mappingContext.getIfAvailable();
            MongoConverter mongoConverter = converter.getIfAvailable();
            if (context == null || mongoConverter == null) {
                return;
            }
            MongoTemplate template = new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, database), mongoConverter);
            IndexResolver resolver = IndexResolver.create(context);
            for (MongoPersistentEntity<?> entity : context.getPersistentEntities()) {
                if (entity.isAnnotationPresent(Document.class)) {
                    resolver.resolveIndexFor(entity.getTypeInformation())
                            .forEach(index -> template.indexOps(entity.getType()).createIndex(index));
                }
            }
            ensured.add(database);
            log.debug("indexes ensured in {}", database);
        }
    }

    /** Forgets a database dropped (a basin purged): its indexes are ensured again if it is ever made again. */
    public void forget(String database) {
        ensured.remove(database);
    }
}
