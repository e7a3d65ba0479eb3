package org.alize.tenancy;

import java.util.regex.Pattern;

/**
 * A basin's identifier: a slug chosen at registration and never changed, such as {@code valenciennois}.
 * {@code network} is reserved: it names the network-level database of each service.
 */
public record BasinId(String value) {

    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{2,39}$");
    static final String RESERVED = "network";

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

    @Override
    public String toString() {
        return value;
    }
}
