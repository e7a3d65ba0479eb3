package org.alize.identity.server;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.alize.identity.IdentitySettings;
import org.alize.tenancy.BasinContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * The issuer's RSA signing keys, kept in MongoDB so that every instance signs with the same key and a
 * restart keeps the tokens already issued verifiable. The private part is encrypted (AES-GCM, key derived
 * from {@code alize.identity.keys.encryption-password}).
 *
 * <p>Rotation: the newest key signs; when it is older than the rotation period (or on demand) a new key is
 * added and the others are retired. A retired key stays in the JWKS for {@code retired-kept}, longer than
 * any access token it signed lives, so resource servers verify old tokens and fetch the new key when a
 * token names a key id they have not seen. Every instance reloads the keys every {@code refresh-interval}.
 */
public class SigningKeys implements JWKSource<SecurityContext>, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final String COLLECTION = "signing_keys";

    @Document(COLLECTION)
    record StoredKey(@Id String kid, String publicJwk, String encryptedPrivateJwk, String salt, Instant activatedAt,
            Instant retiredAt) {
    }

    /** A key as the API lists it: never its private part. */
    public record KeyInfo(String kid, Instant activatedAt, Instant retiredAt, boolean signing, boolean published) {
    }

    private record Ring(RSAKey signing, List<RSAKey> published, List<KeyInfo> infos) {
    }

    private final MongoTemplate mongo;
    private final IdentitySettings.Keys settings;
    private final Clock clock;
    private volatile Ring ring;

    public SigningKeys(MongoTemplate mongo, IdentitySettings.Keys settings, Clock clock) {
        if (settings.encryptionPassword() == null || settings.encryptionPassword().length() < 16) {
            throw new IllegalStateException("alize.identity.keys.encryption-password must be set (16 characters or more): "
                    + "it encrypts the signing keys at rest");
        }
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /** At start-up: a fresh installation gets its first key now, before anyone asks for the JWKS. */
    @Override
    public void afterPropertiesSet() {
        reload();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(List.copyOf(ring().published())));
    }

    /** Signs {@code claims} with the key that signs now (RS256): the development token endpoint's only use. */
    String sign(com.nimbusds.jwt.JWTClaimsSet claims) {
        RSAKey signing = ring().signing();
        try {
            com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                    com.nimbusds.jose.JWSAlgorithm.RS256).keyID(signing.getKeyID()).type(com.nimbusds.jose.JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(signing));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot sign with " + signing.getKeyID(), e);
        }
    }

    /** The id of the key that signs now. */
    public String signingKeyId() {
        return ring().signing().getKeyID();
    }

    public List<KeyInfo> list() {
        return ring().infos();
    }

    /** Adds a new signing key and retires the others (they stay published for {@code retired-kept}). */
    public synchronized KeyInfo rotate() {
        Instant now = clock.instant();
        StoredKey fresh = generate(now);
        BasinContext.callInNetwork(() -> {
            mongo.insert(fresh);
            mongo.updateMulti(query(where("retiredAt").is(null).and("_id").ne(fresh.kid())),
                    new Update().set("retiredAt", now), StoredKey.class);
            return null;
        });
        log.info("signing key {} now signs; previous keys retired", fresh.kid());
        reload();
        return ring().infos().stream().filter(k -> k.kid().equals(fresh.kid())).findFirst().orElseThrow();
    }

    @Scheduled(fixedDelayString = "${alize.identity.keys.refresh-interval:30s}",
            initialDelayString = "${alize.identity.keys.refresh-interval:30s}")
    public void reload() {
        List<StoredKey> stored = BasinContext.callInNetwork(() -> mongo.findAll(StoredKey.class));
        Instant now = clock.instant();
        StoredKey newest = stored.stream().filter(k -> k.retiredAt() == null)
                .max(Comparator.comparing(StoredKey::activatedAt)).orElse(null);
        if (newest == null) {
            synchronized (this) {
                rotate();
            }
            return;
        }
        List<StoredKey> published = stored.stream()
                .filter(k -> k.retiredAt() == null || k.retiredAt().plus(settings.retiredKept()).isAfter(now))
                .sorted(Comparator.comparing(StoredKey::activatedAt).reversed()).toList();
        List<RSAKey> keys = published.stream().map(k -> k == newest ? decrypt(k) : publicKey(k)).toList();
        List<KeyInfo> infos = stored.stream().sorted(Comparator.comparing(StoredKey::activatedAt).reversed())
                .map(k -> new KeyInfo(k.kid(), k.activatedAt(), k.retiredAt(), k == newest, published.contains(k)))
                .toList();
        ring = new Ring(decrypt(newest), keys, infos);
    }

    /** Rotates when the signing key is older than the rotation period; checked hourly by every instance. */
    public void rotateIfDue() {
        reload();
        KeyInfo signing = ring().infos().stream().filter(KeyInfo::signing).findFirst().orElseThrow();
        if (signing.activatedAt().plus(settings.rotationPeriod()).isBefore(clock.instant())) {
            rotate();
        }
    }

    private Ring ring() {
        Ring current = ring;
        if (current == null) {
            synchronized (this) {
                if (ring == null) {
                    reload();
                }
                current = ring;
            }
        }
        return current;
    }

    private StoredKey generate(Instant now) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).issueTime(java.util.Date.from(now)).generate();
            String salt = KeyGenerators.string().generateKey();
            String encrypted = Encryptors.delux(settings.encryptionPassword(), salt).encrypt(key.toJSONString());
            return new StoredKey(key.getKeyID(), key.toPublicJWK().toJSONString(), encrypted, salt, now, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private RSAKey decrypt(StoredKey stored) {
        try {
            return RSAKey.parse(Encryptors.delux(settings.encryptionPassword(), stored.salt())
                    .decrypt(stored.encryptedPrivateJwk()));
        } catch (ParseException | IllegalStateException e) {
            throw new IllegalStateException("signing key " + stored.kid() + " cannot be decrypted: is "
                    + "alize.identity.keys.encryption-password the one it was stored with?", e);
        }
    }

    private static RSAKey publicKey(StoredKey stored) {
        try {
            return RSAKey.parse(stored.publicJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("stored key " + stored.kid() + " is not a JWK", e);
        }
    }
}
