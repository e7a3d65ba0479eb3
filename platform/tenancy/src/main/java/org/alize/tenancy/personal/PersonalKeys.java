package org.alize.tenancy.personal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.alize.tenancy.BasinId;
import org.bson.Document;
import org.bson.types.Binary;

import static com.mongodb.client.model.Filters.eq;

/**
 * The key vault of crypto-shredding: one AES-256 key per person of a basin, in the platform's vault database
 * ({@code alize.personal-data.vault-database}, {@code alize_vault} by default; collection {@code person_keys}),
 * which every service reads; basin-service writes the keys of its register's people, project-service those of the
 * SMEs' heads (ids {@code head-<projectId>}, a namespace of their own). Personal data leaves its owning service only sealed
 * with its person's key ({@link PersonalData}); an erasure destroys the key and leaves a tombstone, so that what
 * was sealed with it (events kept forever on the topics, dead letters, parked entries, exports) can no longer be
 * opened and no key is ever made for that person again. The vault stands in for a key management service: it holds
 * keys and tombstones, never personal data.
 *
 * <p>Keys found are kept in memory for {@link #CACHE_TTL} (at most {@link #CACHE_MAX} of them): an instance other
 * than the one that erased may open a sealed value for that long after the erasure.
 */
public class PersonalKeys {

    static final String COLLECTION = "person_keys";
    static final Duration CACHE_TTL = Duration.ofMinutes(1);
    static final int CACHE_MAX = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Cached(Optional<SecretKey> key, Instant until) {
    }

    private final MongoCollection<Document> keys;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public PersonalKeys(MongoClient client, String vaultDatabase, Clock clock) {
        this.keys = client.getDatabase(vaultDatabase).getCollection(COLLECTION);
        this.clock = clock;
    }

    /** The id of a person's key: basins number their people independently. */
    public static String keyId(BasinId basin, String personId) {
        return basin.value() + "/" + personId;
    }

    /** The person's key, made now if they have none; empty once they were erased. */
    public Optional<SecretKey> ensure(BasinId basin, String personId) {
        String id = keyId(basin, personId);
        Optional<SecretKey> known = cached(id);
        if (known != null) {
            return known; // a key, or a tombstone: only what is stored is cached
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Document stored;
        try {
            stored = keys.findOneAndUpdate(eq("_id", id), Updates.combine(
                            Updates.setOnInsert("basinId", basin.value()), Updates.setOnInsert("personId", personId),
                            Updates.setOnInsert("key", new Binary(fresh)), Updates.setOnInsert("createdAt", clock.instant())),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        } catch (MongoWriteException | MongoCommandException raced) {
            stored = keys.find(eq("_id", id)).first(); // two instances made it at once: the one stored wins
        }
        return remember(id, stored);
    }

    /** The person's key if they have one and were not erased. */
    public Optional<SecretKey> find(String keyId) {
        Optional<SecretKey> known = cached(keyId);
        if (known != null) {
            return known;
        }
        return remember(keyId, keys.find(eq("_id", keyId)).first());
    }

    /** Destroys the person's key for good and leaves a tombstone; true if a key was destroyed now. */
    public boolean destroy(BasinId basin, String personId) {
        String id = keyId(basin, personId);
        Document before = keys.findOneAndUpdate(eq("_id", id), Updates.combine(Updates.unset("key"),
                        Updates.set("basinId", basin.value()), Updates.set("personId", personId),
                        Updates.set("erasedAt", clock.instant())),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        cache.put(id, new Cached(Optional.empty(), Instant.MAX));
        return before != null && before.get("key") != null;
    }

    /** Whether the person was erased (their key destroyed). */
    public boolean erased(BasinId basin, String personId) {
        Document stored = keys.find(eq("_id", keyId(basin, personId))).first();
        return stored != null && stored.get("erasedAt") != null;
    }

    /** How many keys and tombstones the basin has. */
    public long count(BasinId basin) {
        return keys.countDocuments(eq("basinId", basin.value()));
    }

    /** Removes a basin's keys and tombstones (offboarding's purge). */
    public long purge(BasinId basin) {
        cache.keySet().removeIf(id -> id.startsWith(basin.value() + "/"));
        return keys.deleteMany(eq("basinId", basin.value())).getDeletedCount();
    }

    private Optional<SecretKey> cached(String id) {
        Cached hit = cache.get(id);
        if (hit == null || hit.until().isBefore(clock.instant())) {
            return null;
        }
        return hit.key();
    }

    private Optional<SecretKey> remember(String id, Document stored) {
        Binary raw = stored == null ? null : stored.get("key", Binary.class);
        Optional<SecretKey> key = raw == null ? Optional.empty() : Optional.of(new SecretKeySpec(raw.getData(), "AES"));
        if (cache.size() >= CACHE_MAX) {
            cache.clear();
        }
        // a person with no document yet may be recorded any moment: only keys and tombstones are kept
        if (stored != null) {
            cache.put(id, new Cached(key, clock.instant().plus(CACHE_TTL)));
        }
        return key;
    }
}
