package org.alize.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The webhooks' signing secrets at rest: {@code ws1:<base64url(iv ‖ AES-GCM ciphertext)>}, the webhook's id bound as
 * additional data (a sealed secret copied onto another webhook does not open). The key is derived once from
 * {@code alize.webhooks.encryption-password} (PBKDF2-HMAC-SHA256): a copy of the database, a backup or a basin's archive
 * carries no secret that could forge a delivery to a basin's systems. A secret stored in clear by an earlier version
 * still opens (it is sealed when next replaced).
 */
@Component
class WebhookSecrets {

    static final String PREFIX = "ws1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int ITERATIONS = 210_000;
    /** Fixed: the key must come out the same on every instance and after every restart. */
    private static final byte[] SALT = "alize/webhooks/signing-secrets".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    WebhookSecrets(WebhookSettings settings) {
        String password = settings.encryptionPassword();
        if (password == null || password.length() < 16) {
            throw new IllegalStateException("alize.webhooks.encryption-password must be set (16 characters or more): "
                    + "it encrypts the webhooks' signing secrets at rest (ALIZE_WEBHOOK_KEY_PASSWORD in compose)");
        }
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), SALT, ITERATIONS, 256)).getEncoded();
            this.key = new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the webhooks' key", e);
        }
    }

    /** {@code secret} as stored for the webhook {@code webhookId}. */
    String seal(String webhookId, String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, webhookId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a webhook secret", e);
        }
    }

    /** The secret stored for {@code webhookId}; one stored in clear is returned as it is. */
    String open(String webhookId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
            byte[] iv = java.util.Arrays.copyOfRange(in, 0, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, webhookId);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the secret of webhook " + webhookId + " does not open: is "
                    + "alize.webhooks.encryption-password the one it was sealed with?", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String webhookId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
