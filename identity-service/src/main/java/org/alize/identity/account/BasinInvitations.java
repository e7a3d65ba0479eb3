package org.alize.identity.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.alize.kernel.Digests;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Invitations to join a basin, sent to a person who already has an account (opened by another basin or by
 * ASTREES). The operator who invites learns nothing of that account: the answer is the one a new person
 * gets, and the roles are granted only once the holder, logged in, accepts. Only the token's SHA-256 is kept.
 */
@Component
public class BasinInvitations {

    /** A pending invitation of the account {@code login} to {@code basin}. */
    @Document("basin_invitations")
    public record BasinInvitation(@Id String tokenHash, String login, String basin, Set<BasinRole> roles, String invitedBy,
            Instant createdAt, Instant expiresAt, Instant acceptedAt) {

        boolean openAt(Instant now) {
            return acceptedAt == null && expiresAt.isAfter(now);
        }

        BasinInvitation acceptedAt(Instant now) {
            return new BasinInvitation(tokenHash, login, basin, roles, invitedBy, createdAt, expiresAt, now);
        }
    }

    private final MongoTemplate mongo;

    BasinInvitations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void save(BasinInvitation invitation) {
        BasinContext.callInNetwork(() -> mongo.save(invitation));
    }

    /** The open invitation a token stands for. */
    Optional<BasinInvitation> open(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(BasinContext.callInNetwork(() -> mongo.findOne(
                query(where("_id").is(Digests.sha256Hex(token))), BasinInvitation.class))).filter(i -> i.openAt(now));
    }
}
