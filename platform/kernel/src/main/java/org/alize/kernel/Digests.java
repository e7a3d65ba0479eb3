package org.alize.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the platform stores secrets and subjects it must recognise but never keep in clear (invitation and
 * refresh tokens, revoked subjects, idempotency keys): lower-case hex of the UTF-8 bytes. Identity-service writes
 * revocations with it and every service reads them with it, so both sides must hash alike.
 */
public final class Digests {

    private Digests() {
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
