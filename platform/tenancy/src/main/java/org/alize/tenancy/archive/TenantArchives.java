package org.alize.tenancy.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.mongo.BasinRoutingMongoDatabaseFactory;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This service's part of a basin's archive: every collection of the basin's database (but the recorded answers of
 * commands, which live a day), in {@code _id} order, then what the service's {@link TenantArchivePart}s add. Each
 * export is recorded in the service's network database ({@code tenant_operations}: who, when, what).
 *
 * <p>An archive is read while the basin may still be written: export a suspended basin for a consistent one.
 */
public class TenantArchives {

    public static final String FORMAT = "alize-tenant-archive/1";
    static final String OPERATIONS = "tenant_operations";
    private static final Logger log = LoggerFactory.getLogger(TenantArchives.class);
    private static final List<String> SKIPPED = List.of("idempotency");

    private final MongoClient client;
    private final String prefix;
    private final String service;
    private final List<TenantArchivePart> parts;
    private final Clock clock;

    public TenantArchives(MongoClient client, String prefix, String service, List<TenantArchivePart> parts, Clock clock) {
        this.client = client;
        this.prefix = prefix;
        this.service = service;
        this.parts = List.copyOf(parts);
        this.clock = clock;
    }

    /** Whether this service holds anything of the basin. */
    public boolean holds(BasinId basin) {
        return client.listDatabaseNames().into(new ArrayList<>()).contains(BasinRoutingMongoDatabaseFactory.basinDatabase(prefix, basin));
    }

    public void export(BasinId basin, String by, OutputStream out) throws IOException {
        Instant at = clock.instant();
        MongoDatabase database = client.getDatabase(BasinRoutingMongoDatabaseFactory.basinDatabase(prefix, basin));
        TenantArchiveWriter archive = new TenantArchiveWriter(out);
        List<String> collections = database.listCollectionNames().into(new ArrayList<>());
        collections.sort(null);
        for (String collection : collections) {
            if (collection.startsWith("system.") || SKIPPED.contains(collection)) {
                continue;
            }
            archive.documents("db/" + collection + ".jsonl",
                    database.getCollection(collection).find().sort(Sorts.ascending("_id")).batchSize(500).iterator());
        }
        for (TenantArchivePart part : parts) {
            part.write(basin, archive);
        }
        archive.finish(new Document("format", FORMAT).append("basin", basin.value()).append("service", service)
                .append("databasePrefix", prefix).append("exportedAt", at.toString()).append("exportedBy", by));
        long documents = archive.entries().values().stream().mapToLong(TenantArchiveWriter.Entry::lines).sum();
        client.getDatabase(BasinRoutingMongoDatabaseFactory.networkDatabase(prefix)).getCollection(OPERATIONS)
                .insertOne(new Document("basin", basin.value()).append("action", "EXPORT").append("by", by)
                        .append("at", at).append("entries", archive.entries().size()).append("lines", documents));
        log.info("basin {} exported by {}: {} entries, {} lines", basin, by, archive.entries().size(), documents);
    }
}
