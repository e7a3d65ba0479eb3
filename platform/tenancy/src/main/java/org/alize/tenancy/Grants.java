package org.alize.tenancy;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an access token grants: network roles, roles per basin, and who the caller is in each basin (the person
 * of basin-service's register, claim {@code people}). Built from the token's {@code network_roles},
 * {@code basins} and {@code people} claims; entries that are not valid basin ids or known roles are ignored,
 * never guessed at.
 */
public record Grants(Set<NetworkRole> networkRoles, Map<BasinId, Set<BasinRole>> basins, Map<BasinId, String> people) {

    public static final String NETWORK_ROLES_CLAIM = "network_roles";
    public static final String BASINS_CLAIM = "basins";
    public static final String PEOPLE_CLAIM = "people";
    public static final Grants NONE = new Grants(Set.of(), Map.of());

    public Grants {
        networkRoles = networkRoles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(networkRoles));
        basins = Collections.unmodifiableMap(new LinkedHashMap<>(basins));
        people = people == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(people));
    }

    public Grants(Set<NetworkRole> networkRoles, Map<BasinId, Set<BasinRole>> basins) {
        this(networkRoles, basins, Map.of());
    }

    /** The caller's person in {@code basin}'s register, if the token names one. */
    public Optional<String> personIn(BasinId basin) {
        return Optional.ofNullable(people.get(basin));
    }

    public static Grants fromClaims(Map<String, Object> claims) {
        Set<NetworkRole> network = EnumSet.noneOf(NetworkRole.class);
        if (claims.get(NETWORK_ROLES_CLAIM) instanceof Collection<?> roles) {
            roles.forEach(role -> parse(NetworkRole.class, role).ifPresent(network::add));
        }
        Map<BasinId, Set<BasinRole>> basins = new LinkedHashMap<>();
        if (claims.get(BASINS_CLAIM) instanceof Map<?, ?> granted) {
            granted.forEach((basin, roles) -> {
                if (basin instanceof String id && BasinId.isValid(id) && roles instanceof Collection<?> list) {
                    Set<BasinRole> parsed = EnumSet.noneOf(BasinRole.class);
                    list.forEach(role -> parse(BasinRole.class, role).ifPresent(parsed::add));
                    if (!parsed.isEmpty()) {
                        basins.put(BasinId.of(id), Collections.unmodifiableSet(parsed));
                    }
                }
            });
        }
        Map<BasinId, String> people = new LinkedHashMap<>();
        if (claims.get(PEOPLE_CLAIM) instanceof Map<?, ?> persons) {
            persons.forEach((basin, person) -> {
                if (basin instanceof String id && BasinId.isValid(id) && person instanceof String personId && !personId.isBlank()) {
                    people.put(BasinId.of(id), personId);
                }
            });
        }
        return new Grants(network, basins, people);
    }

    public boolean hasBasin(BasinId basin) {
        return basins.containsKey(basin);
    }

    public Set<BasinRole> rolesIn(BasinId basin) {
        return basins.getOrDefault(basin, Set.of());
    }

    public boolean hasAnyRoleIn(BasinId basin, BasinRole... roles) {
        Set<BasinRole> granted = rolesIn(basin);
        for (BasinRole role : roles) {
            if (granted.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasAnyNetworkRole(NetworkRole... roles) {
        if (roles.length == 0) {
            return !networkRoles.isEmpty();
        }
        for (NetworkRole role : roles) {
            if (networkRoles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, Object value) {
        if (!(value instanceof String name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
