package org.alize.tenancy;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A basin's identifier: a slug chosen at registration and never changed, such as {@code valenciennois}.
 * {@code network} is reserved: it names the network-level database of each service.
 */
public record BasinId(String value) {

    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{2,39}$");
    static final String RESERVED = "network";
    /**
     * Names a new basin may not take: words of the platform's own paths, databases and tools, which a basin
     * named so would shadow or be confused with ({@code /api/basins/api}, {@code project_admin}).
     */
    private static final Set<String> RESERVED_FOR_PLATFORM = Set.of(RESERVED, "api", "admin", "administration",
            "actuator", "auth", "login", "logout", "oauth2", "openid", "assets", "static", "webjars", "swagger-ui",
            "console", "gateway", "identity", "system", "config", "settings", "health", "metrics", "root", "www",
            "public", "default", "null", "undefined", "basin", "basins", "users", "astrees", "alize");

    public BasinId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("identifiant de bassin invalide : « " + value
                    + " » (3 à 40 caractères : minuscules, chiffres et tirets, en commençant par une lettre)");
        }
    }

    public static BasinId of(String value) {
        return new BasinId(value);
    }

    public static boolean isValid(String value) {
        return value != null && SLUG.matcher(value).matches() && !RESERVED.equals(value);
    }

    /** Whether a new basin may not be registered under {@code value} (existing basins keep theirs). */
    public static boolean isReservedForPlatform(String value) {
        return value != null && RESERVED_FOR_PLATFORM.contains(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
