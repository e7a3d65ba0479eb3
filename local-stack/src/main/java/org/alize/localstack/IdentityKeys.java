package org.alize.localstack;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.jwk.RSAKey;
import org.bson.Document;
import org.springframework.security.crypto.encrypt.Encryptors;

/**
 * Reads identity-service's signing key from its database, with the development encryption password the
 * local stack gave it. Only the local stack and its test harness do this, to mint tokens for personas
 * (and the expired or wrong-audience tokens a security test sends) that identity-service signs the same way.
 */
final class IdentityKeys {

    private IdentityKeys() {
    }

    static RSAKey signingKey(String mongoUri, String password, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            while (true) {
                Document newest = mongo.getDatabase("identity_network").getCollection("signing_keys")
                        .find(new Document("retiredAt", null)).sort(new Document("activatedAt", -1)).first();
                if (newest != null) {
                    String json = Encryptors.delux(password, newest.getString("salt"))
                            .decrypt(newest.getString("encryptedPrivateJwk"));
                    return RSAKey.parse(json);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("identity-service stored no signing key within " + timeout);
                }
                Thread.sleep(200);
            }
        } catch (ParseException e) {
            throw new IllegalStateException("identity-service's signing key is not a JWK", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
