package org.alize.identity.server;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.alize.identity.account.CredentialsChanged;
import org.alize.identity.revocation.Revocations;
import org.alize.kernel.Digests;
import org.alize.tenancy.BasinContext;
import org.bson.types.Binary;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Authorizations (codes, access and refresh tokens of a login) in MongoDB, so that a restart or another
 * instance still honours them. Tokens are looked up by their SHA-256, never stored in clear in a field;
 * the authorization itself is kept as a Java-serialised blob read back through a filter that admits only
 * the JDK and Spring Security classes it is made of. Expired authorizations are swept every hour (the
 * embedded MongoDB does not expire TTL indexes).
 */
public class MongoAuthorizationService implements OAuth2AuthorizationService {

    @Document("authorizations")
    record StoredAuthorization(@Id String id, String clientId, @Indexed String principal,
            @Indexed(sparse = true) String state, @Indexed(sparse = true) String code,
            @Indexed(sparse = true) String accessToken, @Indexed(sparse = true) String refreshToken,
            @Indexed(sparse = true) String idToken, Instant expiresAt, Binary blob,
            @Indexed(sparse = true) List<String> spentRefreshTokens) {
    }

    /** The refresh tokens of one authorization remembered as spent: enough for a working day of rotations. */
    static final int SPENT_KEPT = 64;

    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "java.base/*;org.springframework.security.**;org.springframework.util.*;maxdepth=40;!*");

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Revocations revocations;

    public MongoAuthorizationService(MongoTemplate mongo, Clock clock, Revocations revocations) {
        this.mongo = mongo;
        this.clock = clock;
        this.revocations = revocations;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        String refreshToken = hash(authorization.getRefreshToken());
        BasinContext.callInNetwork(() -> {
            StoredAuthorization previous = mongo.findById(authorization.getId(), StoredAuthorization.class);
            List<String> spent = new ArrayList<>(previous == null || previous.spentRefreshTokens() == null
                    ? List.of() : previous.spentRefreshTokens());
            if (previous != null && previous.refreshToken() != null && !previous.refreshToken().equals(refreshToken)) {
                // rotated: the former refresh token is spent, and presenting it again betrays a copy
                spent.add(previous.refreshToken());
            }
            StoredAuthorization stored = new StoredAuthorization(authorization.getId(), authorization.getRegisteredClientId(),
                    authorization.getPrincipalName(), hash(authorization.getAttribute(OAuth2ParameterNames.STATE)),
                    hash(authorization.getToken(OAuth2AuthorizationCode.class)),
                    hash(authorization.getAccessToken()), refreshToken,
                    hash(authorization.getToken(OidcIdToken.class)), expiry(authorization), new Binary(serialise(authorization)),
                    spent.size() > SPENT_KEPT ? List.copyOf(spent.subList(spent.size() - SPENT_KEPT, spent.size())) : spent);
            return mongo.save(stored);
        });
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        BasinContext.callInNetwork(() -> mongo.remove(query(where("_id").is(authorization.getId())), StoredAuthorization.class));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return BasinContext.callInNetwork(() -> read(mongo.findById(id, StoredAuthorization.class)));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        String hash = Digests.sha256Hex(token);
        Criteria criteria;
        if (tokenType == null) {
            criteria = new Criteria().orOperator(Stream.of("state", "code", "accessToken", "refreshToken", "idToken")
                    .map(field -> where(field).is(hash)).toList());
        } else {
            String field = switch (tokenType.getValue()) {
                case OAuth2ParameterNames.STATE -> "state";
                case OAuth2ParameterNames.CODE -> "code";
                case OAuth2ParameterNames.ACCESS_TOKEN -> "accessToken";
                case OAuth2ParameterNames.REFRESH_TOKEN -> "refreshToken";
                case OidcParameterNames.ID_TOKEN -> "idToken";
                default -> null;
            };
            if (field == null) {
                return null;
            }
            criteria = where(field).is(hash);
        }
        OAuth2Authorization found = BasinContext.callInNetwork(() -> read(mongo.findOne(query(criteria), StoredAuthorization.class)));
        if (found == null && tokenType != null && OAuth2ParameterNames.REFRESH_TOKEN.equals(tokenType.getValue())) {
            revokeFamilyOfSpent(hash);
        }
        return found;
    }

    /**
     * A refresh token already exchanged is presented again: one of the two holders is not the person. The
     * whole family goes (the authorization and the successor token with it), and the subject's access
     * tokens are revoked on every service.
     */
    private void revokeFamilyOfSpent(String hash) {
        StoredAuthorization family = BasinContext.callInNetwork(() ->
                mongo.findOne(query(where("spentRefreshTokens").is(hash)), StoredAuthorization.class));
        if (family != null) {
            BasinContext.callInNetwork(() -> mongo.remove(query(where("_id").is(family.id())), StoredAuthorization.class));
            revocations.revoke(family.principal(), "jeton de rafraîchissement rejoué : famille révoquée");
        }
    }

    /** A new password ends what the old one signed in: every authorization of the account, its refresh tokens with them. */
    @EventListener
    public void on(CredentialsChanged changed) {
        BasinContext.callInNetwork(() -> mongo.remove(query(where("principal").is(changed.login())), StoredAuthorization.class));
    }

    /** Removes authorizations whose every token has expired. */
    public void sweep() {
        Instant now = clock.instant();
        BasinContext.callInNetwork(() -> mongo.remove(query(where("expiresAt").lt(now)), StoredAuthorization.class));
    }

    private static OAuth2Authorization read(StoredAuthorization stored) {
        if (stored == null) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored.blob().getData()))) {
            in.setObjectInputFilter(ALLOWED);
            return (OAuth2Authorization) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("authorization " + stored.id() + " cannot be read back", e);
        }
    }

    private static byte[] serialise(OAuth2Authorization authorization) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(authorization);
        } catch (IOException e) {
            throw new UncheckedIOException("authorization " + authorization.getId() + " cannot be stored", e);
        }
        return bytes.toByteArray();
    }

    private static Instant expiry(OAuth2Authorization authorization) {
        List<Instant> expiries = new ArrayList<>();
        Stream.of(authorization.getToken(OAuth2AuthorizationCode.class), authorization.getAccessToken(),
                authorization.getRefreshToken(), authorization.getToken(OidcIdToken.class))
                .filter(Objects::nonNull).map(t -> t.getToken().getExpiresAt()).filter(Objects::nonNull)
                .forEach(expiries::add);
        // an authorization still waiting for its code (state only) lives as long as a code would
        return expiries.stream().max(Instant::compareTo).orElse(Instant.now().plusSeconds(600));
    }

    private static String hash(Object token) {
        if (token instanceof OAuth2Authorization.Token<?> held) {
            OAuth2Token value = held.getToken();
            return Digests.sha256Hex(value.getTokenValue());
        }
        return token instanceof String value ? Digests.sha256Hex(value) : null;
    }
}
