package org.alize.identity.apiclient;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.alize.identity.revocation.Revocations;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.web.Paged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A basin's API clients: created, listed, given a new secret and revoked by its operator, found by the provider when a
 * client asks for a token. Bounds: {@value #MAX_ACTIVE} active clients per basin, a name of at most {@value #MAX_NAME}
 * characters, a secret valid 1 to {@value #MAX_VALID_DAYS} days ({@value #DEFAULT_VALID_DAYS} by default). A new
 * secret or a revocation also revokes the tokens already issued (the services' revocation list), so a leaked secret
 * stops working within a minute, not when its tokens expire.
 */
@Service
public class ApiClients {

    public static final String PREFIX = "basin-";
    static final int MAX_ACTIVE = 20;
    static final int MAX_NAME = 100;
    static final int MAX_VALID_DAYS = 365;
    static final int DEFAULT_VALID_DAYS = 90;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(ApiClients.class);

    /** A client and its secret, which is shown this once and kept nowhere in clear. */
    public record WithSecret(ApiClient client, String secret) {
    }

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final Revocations revocations;
    private final Clock clock;

    ApiClients(MongoTemplate mongo, PasswordEncoder passwords, Revocations revocations, Clock clock) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.revocations = revocations;
        this.clock = clock;
    }

    public WithSecret create(BasinId basin, String name, ApiClient.Access access, Integer validDays, String by) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME || CONTROL.matcher(cleanName).find()) {
            errors.add(new InvalidInput.FieldError("name", "1 à " + MAX_NAME + " caractères, sans caractère de contrôle"));
        }
        if (access == null) {
            errors.add(new InvalidInput.FieldError("access", "READ (lecture) ou WRITE (lecture et écriture)"));
        }
        Duration validity = validity(validDays, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput("Le client d'API n'a pas été créé : voyez les champs en erreur.", errors);
        }
        Instant now = clock.instant();
        return BasinContext.callInNetwork(() -> {
            long active = mongo.count(query(where("basinId").is(basin.value()).and("revokedAt").isNull()
                    .and("expiresAt").gt(now)), ApiClient.class);
            if (active >= MAX_ACTIVE) {
                throw new Conflict("api-client.limit", "Le bassin a déjà " + MAX_ACTIVE + " clients d'API actifs : "
                        + "révoquez-en un avant d'en créer un autre.");
            }
            String secret = secret();
            ApiClient client = new ApiClient(PREFIX + basin.value() + "-" + HexFormat.of().formatHex(bytes(6)),
                    basin.value(), cleanName, access, passwords.encode(secret), now, by, now.plus(validity), null, null,
                    null, null, null);
            mongo.insert(client);
            log.info("API client {} of basin {} created by {} ({}, until {})", client.clientId(), basin, by, access,
                    client.expiresAt());
            return new WithSecret(client, secret);
        });
    }

    /** One page of the basin's clients, the newest first. */
    public <V> Paged<V> list(BasinId basin, int page, int size, Function<ApiClient, V> view) {
        return BasinContext.callInNetwork(() -> Paged.query(mongo, query(where("basinId").is(basin.value()))
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))), ApiClient.class, page, size, view));
    }

    /** A new secret (and a new expiry) for a client that is not revoked; the former secret and its tokens stop. */
    public WithSecret rotate(BasinId basin, String clientId, Integer validDays, String by) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        Duration validity = validity(validDays, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput("Le secret n'a pas été renouvelé : voyez les champs en erreur.", errors);
        }
        Instant now = clock.instant();
        ApiClient client = own(basin, clientId);
        if (client.revokedAt() != null) {
            throw new Conflict("api-client.revoked", "Ce client d'API est révoqué : créez-en un autre.");
        }
        String secret = secret();
        ApiClient rotated = BasinContext.callInNetwork(() -> mongo.save(client.withSecret(passwords.encode(secret),
                now.plus(validity), now, by)));
        revocations.revoke(clientId, "nouveau secret du client d'API");
        return new WithSecret(rotated, secret);
    }

    /** Revokes a client: no token any more, and those issued stop within a minute. Revoking twice changes nothing. */
    public ApiClient revoke(BasinId basin, String clientId, String by) {
        ApiClient client = own(basin, clientId);
        if (client.revokedAt() != null) {
            return client;
        }
        ApiClient revoked = BasinContext.callInNetwork(() -> mongo.save(client.revoked(clock.instant(), by)));
        revocations.revoke(clientId, "client d'API révoqué");
        log.info("API client {} of basin {} revoked by {}", clientId, basin, by);
        return revoked;
    }

    /** The client asking for a token, if it exists and is active now. */
    public Optional<ApiClient> active(String clientId) {
        if (clientId == null || !clientId.startsWith(PREFIX) || clientId.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.ofNullable(BasinContext.callInNetwork(() -> mongo.findById(clientId, ApiClient.class)))
                .filter(client -> client.status(now) == ApiClient.Status.ACTIVE);
    }

    /** A client of {@code basin}: another basin's is as unknown as one that does not exist. */
    private ApiClient own(BasinId basin, String clientId) {
        ApiClient client = clientId == null || clientId.length() > 200 ? null
                : BasinContext.callInNetwork(() -> mongo.findById(clientId, ApiClient.class));
        if (client == null || !client.basinId().equals(basin.value())) {
            throw new NotFound("api-client.not-found", "Aucun client d'API « " + abbreviate(clientId) + " » dans ce bassin.");
        }
        return client;
    }

    private static Duration validity(Integer validDays, List<InvalidInput.FieldError> errors) {
        int days = validDays == null ? DEFAULT_VALID_DAYS : validDays;
        if (days < 1 || days > MAX_VALID_DAYS) {
            errors.add(new InvalidInput.FieldError("validDays", "de 1 à " + MAX_VALID_DAYS + " jours"));
        }
        return Duration.ofDays(Math.max(1, Math.min(MAX_VALID_DAYS, days)));
    }

    private static String secret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
