package org.alize.basin;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers of this service's aggregates: a readable prefix and 40 random bits ({@code org-3fa91c07d2}). */
public final class Ids {

    private Ids() {
    }

    public static String next(String prefix) {
        byte[] bytes = new byte[5];
        ThreadLocalRandom.current().nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }
}
