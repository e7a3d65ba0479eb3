package org.alize.tenancy.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.mongo.BasinRoutingMongoDatabaseFactory;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.mongodb.client.model.Filters.eq;

/**
 * Offboarding's last step in one service: what it keeps of a basin is dropped (the basin's database, and its documents
 * in the network database, found by their {@code basinId}) and the basin is marked purged ({@code purged_basins}), so
 * that its events, which stay on the topics, are ignored from then on. The audit trail ({@code tenant_operations}) and
 * the service's own bookkeeping stay. Basin-service purges when ASTREES orders it; every other service when it reads
 * {@code BasinPurged}.
 */
public class TenantPurger {

    /** The event that orders every service to purge a basin (contracts/basin-events). */
    public static final String BASIN_PURGED = "alize.basin.BasinPurged.v1";
    static final String PURGED = "purged_basins";
    static final Set<String> KEPT = Set.of(PURGED, TenantArchives.OPERATIONS, "cluster_locks", "basins");
    private static final Duration REFRESH = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(TenantPurger.class);

    private final MongoClient client;
    private final String prefix;
    private final Clock clock;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();
    private volatile Instant refreshedAt = Instant.MIN;

    private final java.util.function.Consumer<String> onDrop;

    /** @param dropped told each database dropped (the index bookkeeping forgets it) */
    public TenantPurger(MongoClient client, String prefix, Clock clock, java.util.function.Consumer<String> dropped) {
        this.onDrop = dropped;
        this.client = client;
        this.prefix = prefix;
        this.clock = clock;
    }

    /** What this service keeps of the basin, per collection: the dry run of a purge. */
    public Map<String, Long> holdings(BasinId basin) {
        Map<String, Long> held = new TreeMap<>();
        String name = BasinRoutingMongoDatabaseFactory.basinDatabase(prefix, basin);
        if (client.listDatabaseNames().into(new ArrayList<>()).contains(name)) {
            MongoDatabase database = client.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                held.put(name + "." + collection, database.getCollection(collection).countDocuments());
            }
        }
        MongoDatabase network = network();
        for (String collection : network.listCollectionNames()) {
            if (!KEPT.contains(collection)) {
                long count = network.getCollection(collection).countDocuments(ofBasin(basin));
                if (count > 0) {
                    held.put(network.getName() + "." + collection, count);
                }
            }
        }
        return held;
    }

    /**
     * Drops the basin's database again, for what a consumer wrote while the purge ran (a handler that began before it);
     * nothing for a basin not purged.
     */
    public void dropAgain(BasinId basin) {
        if (!purged(basin)) {
            return;
        }
        String database = BasinRoutingMongoDatabaseFactory.basinDatabase(prefix, basin);
        client.getDatabase(database).drop();
        onDrop.accept(database);
    }

    /** Drops what this service keeps of the basin and marks it purged; returns what was there. */
    public Map<String, Long> purge(BasinId basin, String by) {
        Map<String, Long> dropped = holdings(basin);
        Instant at = clock.instant();
        // marked first: an event of the basin read meanwhile is ignored rather than writing it back
        network().getCollection(PURGED).replaceOne(eq("_id", basin.value()),
                new Document("_id", basin.value()).append("purgedAt", at).append("by", by), new ReplaceOptions().upsert(true));
        known.put(basin.value(), true);
        String database = BasinRoutingMongoDatabaseFactory.basinDatabase(prefix, basin);
        client.getDatabase(database).drop();
        onDrop.accept(database);
        MongoDatabase network = network();
        for (String collection : network.listCollectionNames()) {
            if (!KEPT.contains(collection)) {
                network.getCollection(collection).deleteMany(ofBasin(basin));
            }
        }
        network.getCollection(TenantArchives.OPERATIONS).insertOne(new Document("basin", basin.value())
                .append("action", "PURGE").append("by", by).append("at", at).append("dropped", new Document(
                        Map.copyOf(dropped).entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                e -> e.getKey().replace('.', '/'), Map.Entry::getValue)))));
        log.info("basin {} purged by {}: {}", basin, by, dropped);
        return dropped;
    }

    /** Whether the basin was purged here (known within a minute across instances). */
    public boolean purged(BasinId basin) {
        Instant now = clock.instant();
        if (refreshedAt.plus(REFRESH).isBefore(now)) {
            List<String> ids = network().getCollection(PURGED).find().map(d -> d.getString("_id")).into(new ArrayList<>());
            known.keySet().retainAll(ids);
            ids.forEach(id -> known.put(id, true));
            refreshedAt = now;
        }
        return known.containsKey(basin.value());
    }

    /** Forgets a purge, for an archive of the basin imported again. */
    public void forget(BasinId basin) {
        network().getCollection(PURGED).deleteOne(eq("_id", basin.value()));
        known.remove(basin.value());
    }

    /** A network document is the basin's when it names it ({@code basinId}) or is keyed by it. */
    private static org.bson.conversions.Bson ofBasin(BasinId basin) {
        return com.mongodb.client.model.Filters.or(eq("basinId", basin.value()), eq("_id", basin.value()));
    }

    private MongoDatabase network() {
        return client.getDatabase(BasinRoutingMongoDatabaseFactory.networkDatabase(prefix));
    }
}
