package org.alize.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238's SHA-1 secret, « 12345678901234567890 ». */
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void the_codes_are_rfc_6238s() {
        // the RFC's eight-digit values, of which an authenticator shows the last six
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void a_code_is_good_for_its_step_and_one_either_side_and_never_twice() {
        Instant now = Instant.parse("2026-12-01T10:00:10Z");
        long step = Totp.step(now);
        String secret = Totp.newSecret();

        assertThat(Totp.verify(secret, Totp.code(secret, step), now, 0)).hasValue(step);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, 0)).as("a phone a little late").hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 2), now, 0)).isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, step)).as("already used").isEmpty();
        assertThat(Totp.verify(secret, "12 34 5", now, 0)).isEmpty();
        assertThat(Totp.verify(secret, null, now, 0)).isEmpty();
    }

    @Test
    void secrets_read_back_as_they_were_written() {
        byte[] bytes = new byte[20];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
        }
        assertThat(Totp.unbase32(Totp.base32(bytes))).isEqualTo(bytes);
        assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.uri("ALIZÉ", "astrees.admin", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/ALIZ%C3%89:astrees.admin?secret=JBSWY3DPEHPK3PXP&issuer=ALIZ%C3%89&algorithm=SHA1&digits=6&period=30");
    }
}
