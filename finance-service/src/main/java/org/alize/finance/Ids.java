package org.alize.finance;

import java.util.UUID;

/** Identifiers of this service's aggregates and movements: a readable prefix and a random tail. */
public final class Ids {

    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 10);
    }
}
