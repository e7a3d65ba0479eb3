package org.alize.tenancy.mongo;

import java.util.function.Predicate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.NoBasinInContextException;
import org.alize.tenancy.PurgedBasinException;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * One database per basin per service: {@code <prefix>_<basinId>} (such as {@code project_valenciennois})
 * for basin work, {@code <prefix>_network} for network-level work, picked from the {@link BasinContext}
 * of the current thread. With neither in context, data access fails instead of landing somewhere.
 * The first time a database is touched, the indexes of the mapped documents are ensured in it. A basin purged here
 * is sealed ({@link PurgedBasinException}): a request, sweep or handler that comes after the purge cannot make its
 * database again, not even by ensuring its indexes.
 */
public class BasinRoutingMongoDatabaseFactory extends SimpleMongoClientDatabaseFactory {

    private final String prefix;
    private final BasinDatabaseIndexes indexes;
    private volatile Predicate<BasinId> purged = basin -> false;

    public BasinRoutingMongoDatabaseFactory(MongoClient client, String prefix, BasinDatabaseIndexes indexes) {
        super(client, networkDatabase(prefix));
        this.prefix = prefix;
        this.indexes = indexes;
    }

    public static String networkDatabase(String prefix) {
        return prefix + "_network";
    }

    public static String basinDatabase(String prefix, BasinId basin) {
        return prefix + "_" + basin.value();
    }

    /** Seals the basins this tells purged (offboarding's {@code TenantPurger}). */
    public void sealPurged(Predicate<BasinId> purged) {
        this.purged = purged;
    }

    /** The database the current context routes to. */
    public String currentDatabaseName() {
        if (BasinContext.isNetwork()) {
            return networkDatabase(prefix);
        }
        BasinId basin = BasinContext.current().orElseThrow(() -> new NoBasinInContextException("MongoDB access"));
        if (purged.test(basin)) {
            throw new PurgedBasinException(basin);
        }
        return basinDatabase(prefix, basin);
    }

    @Override
    public MongoDatabase getMongoDatabase() throws DataAccessException {
        String name = currentDatabaseName();
        MongoDatabase database = getMongoDatabase(name);
        indexes.ensureOnce(name);
        return database;
    }

    public String prefix() {
        return prefix;
    }
}
