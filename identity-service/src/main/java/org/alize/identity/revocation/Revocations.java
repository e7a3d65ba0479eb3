package org.alize.identity.revocation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.alize.kernel.Digests;
import org.alize.tenancy.BasinContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

/**
 * Subjects whose access tokens must stop working before they expire: an account disabled, a refresh token
 * replayed (its family is revoked). Access tokens are JWTs every service checks on its own; each service
 * polls {@link #recent()} (through {@code GET /revocations}) and refuses a token of a listed subject issued
 * before the revocation. An entry is kept as long as an access token lives, then it has nothing left to do.
 */
@Service
public class Revocations {

    private static final Logger log = LoggerFactory.getLogger(Revocations.class);
    /** Longer than an access token lives (15 min): after that, no token issued before the revocation is valid anyway. */
    static final Duration KEPT = Duration.ofMinutes(30);

    @Document("revocations")
    public record Revocation(@Id String id, String subjectHash, Instant notBefore, String reason, Instant createdAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    Revocations(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Every access token of {@code subject} issued until now stops working on every service within a minute. */
    public void revoke(String subject, String reason) {
        Instant now = clock.instant();
        BasinContext.callInNetwork(() -> mongo.save(new Revocation(UUID.randomUUID().toString(), Digests.sha256Hex(subject),
                now, reason, now)));
        log.info("access tokens of {} revoked: {}", subject, reason);
    }

    /** What the services must refuse now; subjects appear only as their SHA-256. */
    public List<Revocation> recent() {
        Instant since = clock.instant().minus(KEPT);
        return BasinContext.callInNetwork(() -> mongo.find(query(where("createdAt").gt(since)), Revocation.class));
    }

    /** Whether a token of {@code subject} issued at {@code issuedAt} was issued before a revocation of its subject. */
    public boolean revokes(String subject, Instant issuedAt) {
        if (subject == null) {
            return false;
        }
        String hash = Digests.sha256Hex(subject);
        return recent().stream().anyMatch(r -> r.subjectHash().equals(hash)
                && (issuedAt == null || !issuedAt.isAfter(r.notBefore())));
    }

    public void sweep() {
        Instant before = clock.instant().minus(KEPT);
        BasinContext.callInNetwork(() -> mongo.remove(query(where("createdAt").lt(before)), Revocation.class));
    }
}
