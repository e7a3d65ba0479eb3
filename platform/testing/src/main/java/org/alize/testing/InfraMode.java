package org.alize.testing;

import java.util.Locale;

/** Which infrastructure the tests of this JVM run on; see the package documentation. */
public enum InfraMode {
    EMBEDDED, CONTAINERS, AUTO;

    public static final String PROPERTY = "alize.test.infra";

    public static InfraMode requested() {
        String value = System.getProperty(PROPERTY, System.getenv().getOrDefault("ALIZE_TEST_INFRA", "embedded"));
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be embedded, containers or auto, not '" + value + "'");
        }
    }

    /** The mode actually used: AUTO becomes CONTAINERS where Docker runs and EMBEDDED elsewhere. */
    public InfraMode effective() {
        if (this != AUTO) {
            return this;
        }
        return Docker.isAvailable() ? CONTAINERS : EMBEDDED;
    }
}
