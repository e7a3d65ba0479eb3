package org.alize.tenancy.personal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.alize.tenancy.BasinId;

/**
 * Seals a person's data for the events that carry it, with the person's key from the vault ({@link PersonalKeys}):
 * {@code pd1:<basin>/<person>:<base64url(iv ‖ AES-GCM ciphertext)>}, the key's id bound as additional data. Once the
 * person is erased their key is gone: {@link #open} gives nothing back, and {@link #seal} gives nothing to carry.
 * A value that is not sealed (events published before sealing existed) is opened as it is.
 */
public class PersonalData {

    public static final String PREFIX = "pd1:";
    /** What consumers show for the name of a person whose data can no longer be opened. */
    public static final String ERASED_NAME = "Personne effacée";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PersonalKeys keys;

    public PersonalData(PersonalKeys keys) {
        this.keys = keys;
    }

    /** {@code value} sealed with the person's key (made if they have none); null if value is null or they were erased. */
    public String seal(BasinId basin, String personId, String value) {
        if (value == null) {
            return null;
        }
        Optional<SecretKey> key = keys.ensure(basin, personId);
        if (key.isEmpty()) {
            return null;
        }
        String keyId = PersonalKeys.keyId(basin, personId);
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The value a {@link #seal} made, as it was; null once its person was erased; an unsealed value as it is. */
    public String open(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return value;
        }
        int colon = value.lastIndexOf(':');
        if (colon <= PREFIX.length()) {
            throw new IllegalArgumentException("not a sealed value");
        }
        String keyId = value.substring(PREFIX.length(), colon);
        Optional<SecretKey> key = keys.find(keyId);
        if (key.isEmpty()) {
            return null;
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(value.substring(colon + 1));
            if (in.length <= IV_BYTES) {
                throw new IllegalArgumentException("sealed value too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("sealed value does not open with its person's key", e);
        }
    }

    /** A name for display: opened, or {@link #ERASED_NAME} once its person was erased. */
    public String openName(String value) {
        String opened = open(value);
        return opened == null ? ERASED_NAME : opened;
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }
}
