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
 * <p>A command in progress holds a lease ({@code alize.idempotency.lease}, 15 s by default): a duplicate
 * arriving meanwhile gets 409 with {@code Retry-After}. If the service dies mid-command, the record is
 * left in progress; once its lease has run out, the next retry resumes the command ({@link CommandKey}
 * resumed): the ids it makes and the aggregates it touches tell whether the cut run had landed, in which
 * case nothing is written twice. Keys expire ({@code alize.idempotency.ttl}, 24 h by default): a TTL
 * index removes them where MongoDB runs one, and an expired record is treated as absent in any case.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final ObjectProvider<MongoTemplate> templates;
    private final ProblemWriter problems;
    private final Duration lease;
    private final Duration ttl;
    private final Clock clock;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();
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
        if (!claim(id, fingerprint, now)) {
            Document stored = mongo.findById(id, Document.class, COLLECTION);
            if (stored != null && expired(stored, now)) {
                mongo.remove(Query.query(Criteria.where("_id").is(id).and("expiresAt").is(stored.get("expiresAt"))), COLLECTION);
                stored = claim(id, fingerprint, now) ? null : mongo.findById(id, Document.class, COLLECTION);
                if (stored == null) {
                    run(request, response, chain, body, command, id);
                    return;
                }
            }
            if (stored != null && fingerprint.equals(stored.getString("fingerprint")) && !"DONE".equals(stored.getString("state"))
                    && leaseRunOut(stored, now) && resume(id, stored, now)) {
                log.warn("resuming command {} {} in {}: its first run was cut before its answer was kept",
                        request.getMethod(), request.getRequestURI(), basin);
                run(request, response, chain, body, new CommandKey(id, true), id);
                return;
            }
            replay(request, response, stored, fingerprint, now);
            return;
        }
        run(request, response, chain, body, command, id);
    }

    private boolean claim(String id, String fingerprint, Instant now) {
        try {
            mongo.insert(new Document("_id", id).append("fingerprint", fingerprint).append("state", "IN_PROGRESS")
                    .append("at", now).append("leaseUntil", now.plus(lease)).append("expiresAt", now.plus(ttl)), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Takes over a record whose holder is gone; only one of several concurrent retries wins. */
    private boolean resume(String id, Document stored, Instant now) {
        Object heldUntil = stored.get("leaseUntil");
        Query held = Query.query(heldUntil == null ? Criteria.where("_id").is(id).and("state").is("IN_PROGRESS")
                : Criteria.where("_id").is(id).and("state").is("IN_PROGRESS").and("leaseUntil").is(heldUntil));
        return mongo.updateFirst(held, new Update().set("leaseUntil", now.plus(lease)).inc("resumptions", 1), COLLECTION)
                .getModifiedCount() == 1;
    }

    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, byte[] body,
            CommandKey command, String id) throws IOException, ServletException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try (CommandKey.Scope ignored = CommandKey.open(command)) {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
        } else {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("state", "DONE")
                    .set("status", recorded.getStatus()).set("contentType", recorded.getContentType())
                    .set("location", recorded.getHeader("Location")).unset("leaseUntil")
                    .set("body", new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8)), COLLECTION);
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
