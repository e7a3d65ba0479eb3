package org.alize.console.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is looking: login, name and grants, read from the access token's claims ({@code network_roles},
 * {@code basins}). The pages show what the grants allow; the APIs decide (a hidden button is a courtesy,
 * the service's refusal is the rule).
 */
public record Viewer(String login, String name, Set<String> networkRoles, Map<String, Set<String>> basins,
        Map<String, String> people) {

    /** This person's id in a basin's records (as appointed there), or null. */
    public String personIn(String basin) {
        return people.get(basin);
    }

    public boolean isNetwork() {
        return !networkRoles.isEmpty();
    }

    public boolean isNetworkAdmin() {
        return networkRoles.contains("NETWORK_ADMIN");
    }

    public boolean canSee(String basin) {
        return basins.containsKey(basin);
    }

    public boolean has(String basin, String role) {
        return basins.getOrDefault(basin, Set.of()).contains(role);
    }

    public boolean isOperator(String basin) {
        return has(basin, "OPERATOR");
    }

    public List<String> basinIds() {
        return new ArrayList<>(basins.keySet());
    }

    /** French names of the roles in a basin, for the header. */
    public String rolesIn(String basin) {
        List<String> names = new ArrayList<>();
        for (String role : basins.getOrDefault(basin, Set.of())) {
            names.add(switch (role) {
                case "OPERATOR" -> "opérateur local";
                case "COMMITTEE_MEMBER" -> "membre du comité d'agrément";
                case "STEERING_MEMBER" -> "membre du comité de pilotage";
                case "PARTNER" -> "partenaire";
                default -> role;
            });
        }
        return String.join(", ", names);
    }

    @SuppressWarnings("unchecked")
    static Viewer fromClaims(Map<String, Object> claims, String name) {
        Set<String> network = new TreeSet<>();
        if (claims.get("network_roles") instanceof Collection<?> roles) {
            roles.forEach(role -> network.add(String.valueOf(role)));
        }
        Map<String, Set<String>> basins = new LinkedHashMap<>();
        if (claims.get("basins") instanceof Map<?, ?> map) {
            new java.util.TreeMap<>((Map<String, Object>) map).forEach((basin, roles) -> {
                if (roles instanceof Collection<?> list) {
                    Set<String> set = new TreeSet<>();
                    list.forEach(role -> set.add(String.valueOf(role)));
                    basins.put(basin, set);
                }
            });
        }
        Map<String, String> people = new LinkedHashMap<>();
        if (claims.get("people") instanceof Map<?, ?> map) {
            map.forEach((basin, person) -> people.put(String.valueOf(basin), String.valueOf(person)));
        }
        String login = String.valueOf(claims.getOrDefault("preferred_username", claims.get("sub")));
        return new Viewer(login, name == null ? login : name, network, basins, people);
    }
}
