package org.alize.tenancy.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.CommandKey;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on basin commands ({@code POST}/{@code PUT} under {@code /api/basins/…}): the
 * first answer is stored in the basin's database; a replay of the same request gets it again (marked
 * {@code Idempotent-Replayed: true}) without running the command twice; the same key on a different
 * request is refused (422). A key belongs to its caller and basin: another caller's identical key is
 * another command. An answer of 5xx is not kept, so the request can be retried.
 *
 * <p>The record is written once, after the command, with its answer: the command's own write (the aggregate,
 * its events and the keys that changed it, in one atomic update) is the only one on its way. Until the answer is
 * kept, the aggregates are what guard against a second run: every run of a keyed command checks, the first time it
 * writes an aggregate, whether an earlier run of the key already did (one read by id, {@link CommandKey}); ids
 * made within the command derive from the key, so a creation cannot happen twice either. A duplicate that arrives
 * while the first runs gets 409 with {@code Retry-After} (in this instance at once; in another one when the
 * aggregate's version or id refuses its write), and such a transient refusal is not kept: the retry gets the
 * first answer. A service that dies mid-command leaves no record: the retry runs again and learns from the
 * aggregates that the cut run had landed (409 {@code idempotency.applied}, kept). A record left {@code
 * IN_PROGRESS} by an earlier version of this filter still holds its lease ({@code alize.idempotency.lease}) and
 * is resumed once it has run out. Keys expire ({@code alize.idempotency.ttl}, 24 h by default): a TTL index
 * removes them where MongoDB runs one, and an expired record is treated as absent in any case.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    /** Set by the error handling on a refusal that a concurrent run caused (a version or an id taken): not kept. */
    public static final String TRANSIENT_REFUSAL = IdempotencyFilter.class.getName() + ".TRANSIENT";
    static final String COLLECTION = "idempotency_keys";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final ObjectProvider<MongoTemplate> templates;
    private final ProblemWriter problems;
    private final Duration lease;
    private final Duration ttl;
    private final Clock clock;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();
    /** The keys this instance is running: a duplicate arriving meanwhile is told to retry, not run a second time. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private MongoTemplate mongo;

    /** The template is looked up on first use: a service without MongoDB simply ignores the header. */
    public IdempotencyFilter(ObjectProvider<MongoTemplate> templates, ProblemWriter problems) {
        this(templates, problems, Duration.ofSeconds(15), Duration.ofHours(24), Clock.systemUTC());
    }

    public IdempotencyFilter(ObjectProvider<MongoTemplate> templates, ProblemWriter problems, Duration lease,
            Duration ttl, Clock clock) {
        if (lease.isNegative() || lease.isZero() || ttl.compareTo(lease) <= 0) {
            throw new IllegalArgumentException("the lease must be positive and shorter than the keys' lifetime");
        }
        this.templates = templates;
        this.problems = problems;
        this.lease = lease;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (request.getHeader(HEADER) == null || BasinContext.current().isEmpty()
                || !("POST".equals(method) || "PUT".equals(method))) {
            return true;
        }
        if (mongo == null) {
            mongo = templates.getIfAvailable();
        }
        return mongo == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "idempotency.key", "Requête invalide",
                    "L'en-tête Idempotency-Key doit compter de 1 à 200 caractères.");
            return;
        }
        ensureExpiryIndex();
        byte[] body = request.getInputStream().readAllBytes();
        String basin = BasinContext.require().value();
        CommandKey command = CommandKey.of(caller(), basin, request.getMethod(), request.getRequestURI(), key, false);
        String id = command.value();
        String fingerprint = fingerprint(request.getMethod(), request.getRequestURI(), body);
        Instant now = clock.instant();
        Document stored = mongo.findById(id, Document.class, COLLECTION);
        if (stored != null && expired(stored, now)) {
            mongo.remove(Query.query(Criteria.where("_id").is(id).and("expiresAt").is(stored.get("expiresAt"))), COLLECTION);
            stored = null;
        }
        if (stored == null) {
            if (!running.add(id)) {
                response.setHeader("Retry-After", "1");
                problems.write(request, response, HttpStatus.CONFLICT, "idempotency.in-progress", "Conflit",
                        "La même requête est déjà en cours de traitement : réessayez dans 1 s.");
                return;
            }
            try {
                run(request, response, chain, body, command, id, fingerprint, now, false);
            } finally {
                running.remove(id);
            }
            return;
        }
        if (fingerprint.equals(stored.getString("fingerprint")) && !"DONE".equals(stored.getString("state"))
                && leaseRunOut(stored, now) && resume(id, stored, now)) {
            log.warn("resuming command {} {} in {}: its first run was cut before its answer was kept",
                    request.getMethod(), request.getRequestURI(), basin);
            run(request, response, chain, body, new CommandKey(id, true), id, fingerprint, now, true);
            return;
        }
        replay(request, response, stored, fingerprint, now);
    }

    /** Takes over a record whose holder is gone; only one of several concurrent retries wins. */
    private boolean resume(String id, Document stored, Instant now) {
        Object heldUntil = stored.get("leaseUntil");
        Query held = Query.query(heldUntil == null ? Criteria.where("_id").is(id).and("state").is("IN_PROGRESS")
                : Criteria.where("_id").is(id).and("state").is("IN_PROGRESS").and("leaseUntil").is(heldUntil));
        return mongo.updateFirst(held, new Update().set("leaseUntil", now.plus(lease)).inc("resumptions", 1), COLLECTION)
                .getModifiedCount() == 1;
    }

    /**
     * Runs the command, then keeps its answer: inserted once (or, for a record of the earlier claim-first kind, set
     * on it). A 5xx or a transient refusal keeps nothing, so the request can be sent again.
     */
    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, byte[] body,
            CommandKey command, String id, String fingerprint, Instant now, boolean legacyRecord)
            throws IOException, ServletException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        CachedBodyRequest cached = new CachedBodyRequest(request, body);
        try (CommandKey.Scope ignored = CommandKey.open(command)) {
            chain.doFilter(cached, recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            if (legacyRecord) {
                mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
            }
            throw e;
        }
        boolean keep = recorded.getStatus() < 500 && cached.getAttribute(TRANSIENT_REFUSAL) == null;
        Document answer = new Document("state", "DONE").append("status", recorded.getStatus())
                .append("contentType", recorded.getContentType()).append("location", recorded.getHeader("Location"))
                .append("body", new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
        if (legacyRecord) {
            if (keep) {
                Update done = new Update().unset("leaseUntil");
                answer.forEach(done::set);
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), done, COLLECTION);
            } else {
                mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
            }
        } else if (keep) {
            try {
                mongo.insert(new Document("_id", id).append("fingerprint", fingerprint).append("at", now)
                        .append("expiresAt", now.plus(ttl)).append("state", "DONE").append("status", answer.get("status"))
                        .append("contentType", answer.get("contentType")).append("location", answer.get("location"))
                        .append("body", answer.get("body")), COLLECTION);
            } catch (DuplicateKeyException keptByAnotherInstance) {
                // a run of the same key in another instance kept its answer first; the aggregates let ours write nothing
                log.debug("answer of {} already kept by another run", id);
            }
        }
        recorded.copyBodyToResponse();
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, Document stored, String fingerprint,
            Instant now) throws IOException {
        if (stored == null) {
            problems.write(request, response, HttpStatus.CONFLICT, "idempotency.in-progress", "Conflit",
                    "Une requête avec la même clé d'idempotence vient d'échouer : réessayez.");
            return;
        }
        if (!fingerprint.equals(stored.getString("fingerprint"))) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency.reused", "Clé déjà utilisée",
                    "Cette clé d'idempotence a déjà servi pour une autre requête.");
            return;
        }
        if (!"DONE".equals(stored.getString("state"))) {
            long wait = Math.max(1, Duration.between(now, instant(stored.get("leaseUntil"), now)).toSeconds() + 1);
            response.setHeader("Retry-After", String.valueOf(wait));
            problems.write(request, response, HttpStatus.CONFLICT, "idempotency.in-progress", "Conflit",
                    "La même requête est déjà en cours de traitement : réessayez dans " + wait + " s.");
            return;
        }
        response.setStatus(stored.getInteger("status"));
        if (stored.getString("contentType") != null) {
            response.setContentType(stored.getString("contentType"));
        }
        if (stored.getString("location") != null) {
            response.setHeader("Location", stored.getString("location"));
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(stored.getString("body"));
    }

    private static boolean expired(Document stored, Instant now) {
        return stored.get("expiresAt") != null && !instant(stored.get("expiresAt"), now).isAfter(now);
    }

    /** A record written before leases existed has none: it is treated as cut. */
    private static boolean leaseRunOut(Document stored, Instant now) {
        return stored.get("leaseUntil") == null || !instant(stored.get("leaseUntil"), now).isAfter(now);
    }

    private static Instant instant(Object stored, Instant fallback) {
        if (stored instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (stored instanceof Instant instant) {
            return instant;
        }
        return fallback;
    }

    private static String caller() {
        try {
            return CurrentGrants.subject();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Once per basin database and JVM: MongoDB removes expired keys itself (the embedded store reads them as absent). */
    private void ensureExpiryIndex() {
        String database = mongo.getDb().getName();
        if (indexed.add(database)) {
            try {
                mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
            } catch (RuntimeException e) {
                log.debug("no expiry index on {} in {}: {}", COLLECTION, database, e.getMessage());
            }
        }
    }

    private static String fingerprint(String method, String uri, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + uri + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once and served again to the handler. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
