package org.alize.tenancy;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers of aggregates and their parts, for every service: a readable prefix, a dash and 12
 * hexadecimal digits (48 bits; {@code ctb-3fa91c07d2e8}). Random, except inside a command that carries an
 * idempotency key ({@link CommandKey}): there the n-th id is derived from the key, so that the run that
 * resumes a cut command makes the same ids as the run that was cut.
 */
public final class Ids {

    static final int TAIL_HEX_DIGITS = 12;

    private Ids() {
    }

    public static String next(String prefix) {
        String tail = CommandKey.nextDerivedTail(TAIL_HEX_DIGITS).orElseGet(Ids::randomTail);
        return prefix + "-" + tail;
    }

    private static String randomTail() {
        byte[] bytes = new byte[TAIL_HEX_DIGITS / 2];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
