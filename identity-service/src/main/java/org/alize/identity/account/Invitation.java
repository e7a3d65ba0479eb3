package org.alize.identity.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A pending invitation: only the SHA-256 of its secret token is stored, so a copy of the database
 * cannot be used to take over an invited account.
 */
public record Invitation(String tokenHash, Instant issuedAt, Instant expiresAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh secret token and the invitation that matches it. */
    public record Issued(String token, Invitation invitation) {
    }

    public static Issued issue(Instant now, Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, new Invitation(hash(token), now, now.plus(lifetime)));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
