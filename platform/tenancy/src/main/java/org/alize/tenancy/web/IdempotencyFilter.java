package org.alize.tenancy.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.alize.tenancy.BasinContext;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
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
 * request is refused (422); a duplicate arriving while the first is still running gets 409. An answer
 * of 5xx is not kept, so the request can be retried.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";

    private final ObjectProvider<MongoTemplate> templates;
    private final ProblemWriter problems;
    private MongoTemplate mongo;

    /** The template is looked up on first use: a service without MongoDB simply ignores the header. */
    public IdempotencyFilter(ObjectProvider<MongoTemplate> templates, ProblemWriter problems) {
        this.templates = templates;
        this.problems = problems;
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
        byte[] body = request.getInputStream().readAllBytes();
        String id = request.getMethod() + " " + request.getRequestURI() + " " + key;
        String fingerprint = fingerprint(request.getMethod(), request.getRequestURI(), body);
        try {
            mongo.insert(new Document("_id", id).append("fingerprint", fingerprint).append("state", "IN_PROGRESS")
                    .append("at", Instant.now()), COLLECTION);
        } catch (DuplicateKeyException e) {
            replay(request, response, id, fingerprint);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
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
                    .set("location", recorded.getHeader("Location"))
                    .set("body", new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8)), COLLECTION);
        }
        recorded.copyBodyToResponse();
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, String id, String fingerprint)
            throws IOException {
        Document stored = mongo.findById(id, Document.class, COLLECTION);
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
            problems.write(request, response, HttpStatus.CONFLICT, "idempotency.in-progress", "Conflit",
                    "La même requête est déjà en cours de traitement.");
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
