package org.alize.identity.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.alize.kernel.Digests;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * A pending invitation: only the SHA-256 of its secret token is stored, so a copy of the database
 * cannot be used to take over an invited account. The link is found by its hash through an index (an account's
 * {@code invitation.tokenHash} and {@code passwordReset.tokenHash}), not by reading every account.
 */
public record Invitation(@Indexed(sparse = true) String tokenHash, Instant issuedAt, Instant expiresAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh secret token and the invitation that matches it. */
    public record Issued(String token, Invitation invitation) {
    }

    public static Issued issue(Instant now, Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, new Invitation(Digests.sha256Hex(token), now, now.plus(lifetime)));
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
