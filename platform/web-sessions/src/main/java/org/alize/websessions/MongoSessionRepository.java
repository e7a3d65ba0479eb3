package org.alize.websessions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.PrincipalNameIndexResolver;

/**
 * Login sessions in one MongoDB collection, so that any instance of the console or of the provider serves any
 * person: one document per session — its id, its times, its expiry (a TTL index removes it where MongoDB runs
 * one; an expired session is never returned in any case) and its attributes, each serialised on its own (Spring
 * Security's context, the saved request, the CSRF token, the authorised client).
 *
 * <p>Each session names its principal (the login of its security context), so that every session of a person can
 * be found and ended from any instance — Spring Security's {@code SpringSessionBackedSessionRegistry} on top.
 *
 * <p>A request that only reads its session moves its last access; that alone is written at most once a
 * {@link #TOUCH_INTERVAL} (one write per person and minute, not per request). A session whose id changes (at
 * login, against fixation) is written under the new id and the old one removed.
 */
public final class MongoSessionRepository implements FindByIndexNameSessionRepository<MongoSessionRepository.StoredSession> {

    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    /** Anything larger in one session is a bug or an attack; the filter refuses to read it back. */
    private static final long MAX_ATTRIBUTE_BYTES = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(MongoSessionRepository.class);

    private final MongoCollection<Document> sessions;
    private final Duration maxInactive;
    private final Clock clock;
    private final PrincipalNameIndexResolver<StoredSession> principals = new PrincipalNameIndexResolver<>();

    public MongoSessionRepository(MongoCollection<Document> sessions, Duration maxInactive, Clock clock) {
        this.sessions = sessions;
        this.maxInactive = maxInactive;
        this.clock = clock;
    }

    /** The expiry index, where MongoDB keeps one (mongo-java-server ignores it: expired sessions are filtered on read). */
    public void ensureIndexes() {
        try {
            sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
            sessions.createIndex(Indexes.ascending("principal"));
        } catch (RuntimeException e) {
            log.debug("no expiry index on the sessions: {}", e.getMessage());
        }
    }

    @Override
    public StoredSession createSession() {
        MapSession session = new MapSession();
        session.setCreationTime(clock.instant());
        session.setLastAccessedTime(clock.instant());
        session.setMaxInactiveInterval(maxInactive);
        return new StoredSession(session, null, null);
    }

    @Override
    public void save(StoredSession session) {
        String id = session.getId();
        if (session.storedId != null && !session.storedId.equals(id)) {
            sessions.deleteOne(Filters.eq("_id", session.storedId));
            session.attributesChanged = true;
        }
        if (session.storedId == null || session.attributesChanged || session.maxInactiveChanged) {
            sessions.replaceOne(Filters.eq("_id", id), document(session.delegate).append("principal",
                    principals.resolveIndexValueFor(session)), new ReplaceOptions().upsert(true));
        } else if (Duration.between(session.storedAccess, session.getLastAccessedTime()).compareTo(TOUCH_INTERVAL) >= 0) {
            sessions.updateOne(Filters.eq("_id", id), Updates.combine(
                    Updates.set("lastAccessedAt", Date.from(session.getLastAccessedTime())),
                    Updates.set("expiresAt", Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())))));
        } else {
            return;
        }
        session.storedId = id;
        session.storedAccess = session.getLastAccessedTime();
        session.attributesChanged = false;
        session.maxInactiveChanged = false;
    }

    /** Every live session of a person ({@link #PRINCIPAL_NAME_INDEX_NAME}, the login), by id. */
    @Override
    public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName) || indexValue == null) {
            return Map.of();
        }
        Map<String, StoredSession> found = new LinkedHashMap<>();
        for (Document stored : sessions.find(Filters.eq("principal", indexValue)).limit(1_000)) {
            StoredSession session = read(stored);
            if (session != null) {
                found.put(session.getId(), session);
            }
        }
        return found;
    }

    @Override
    public StoredSession findById(String id) {
        return read(sessions.find(Filters.eq("_id", id)).first());
    }

    private StoredSession read(Document stored) {
        if (stored == null) {
            return null;
        }
        String id = stored.getString("_id");
        MapSession session = new MapSession(id);
        session.setCreationTime(stored.getDate("createdAt").toInstant());
        session.setLastAccessedTime(stored.getDate("lastAccessedAt").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(stored.getLong("maxInactiveSeconds")));
        if (expired(session, clock.instant())) {
            deleteById(id);
            return null;
        }
        try {
            for (Document attribute : stored.getList("attributes", Document.class, List.of())) {
                session.setAttribute(attribute.getString("name"), deserialize(attribute.get("value", Binary.class).getData()));
            }
        } catch (RuntimeException e) {
            // a class changed between versions, or a document not written by us: the person logs in again
            log.warn("session {} unreadable ({}): dropped", abbreviated(id), e.getMessage());
            deleteById(id);
            return null;
        }
        return new StoredSession(session, id, session.getLastAccessedTime());
    }

    private static boolean expired(MapSession session, Instant now) {
        Duration lifetime = session.getMaxInactiveInterval();
        return !lifetime.isNegative() && !now.isBefore(session.getLastAccessedTime().plus(lifetime));
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteOne(Filters.eq("_id", id));
    }

    private static Document document(MapSession session) {
        List<Document> attributes = new ArrayList<>();
        for (String name : session.getAttributeNames()) {
            attributes.add(new Document("name", name).append("value", new Binary(serialize(name, session.getAttribute(name)))));
        }
        return new Document("_id", session.getId()).append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expiresAt", Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())))
                .append("attributes", attributes);
    }

    private static byte[] serialize(String name, Object value) {
        if (value != null && !(value instanceof Serializable)) {
            throw new IllegalArgumentException("session attribute " + name + " (" + value.getClass().getName()
                    + ") is not serialisable: it cannot be shared between instances");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("session attribute " + name + " cannot be serialised", e);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                try {
                    return Class.forName(description.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(description);
                }
            }
        }) {
            in.setObjectInputFilter(info -> info.depth() > 64 || info.streamBytes() > MAX_ATTRIBUTE_BYTES
                    || (info.serialClass() != null && REFUSED.contains(info.serialClass().getName()))
                    ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED);
            return in.readObject();
        } catch (InvalidClassException e) {
            throw new IllegalStateException("a session attribute's class changed: " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a session attribute cannot be read: " + e.getMessage(), e);
        }
    }

    /** Classes no session of ours holds, and that deserialisation gadgets are made of. */
    private static final Set<String> REFUSED = Set.of("org.apache.commons.collections.functors.InvokerTransformer",
            "org.apache.commons.collections4.functors.InvokerTransformer", "com.sun.rowset.JdbcRowSetImpl",
            "org.codehaus.groovy.runtime.ConvertedClosure", "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl");

    private static String abbreviated(String id) {
        return id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }

    /** A session as read or created here: which of its parts changed since, so that a save writes only what must be. */
    public static final class StoredSession implements Session {

        private final MapSession delegate;
        private String storedId;
        private Instant storedAccess;
        private boolean attributesChanged;
        private boolean maxInactiveChanged;

        StoredSession(MapSession delegate, String storedId, Instant storedAccess) {
            this.delegate = delegate;
            this.storedId = storedId;
            this.storedAccess = storedAccess;
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        /** As Spring Session's stores by default: an attribute changed in place is saved when it is set again. */
        @Override
        public <T> T getAttribute(String name) {
            return delegate.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            delegate.setAttribute(name, value);
            attributesChanged = true;
        }

        @Override
        public void removeAttribute(String name) {
            delegate.removeAttribute(name);
            attributesChanged = true;
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            delegate.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            delegate.setMaxInactiveInterval(interval);
            maxInactiveChanged = true;
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
