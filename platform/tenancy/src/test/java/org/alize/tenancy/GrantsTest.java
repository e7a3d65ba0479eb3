package org.alize.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GrantsTest {

    @Test
    void reads_network_roles_and_roles_per_basin_from_the_claims() {
        Grants grants = Grants.fromClaims(Map.of(
                "network_roles", List.of("NETWORK_ADMIN"),
                "basins", Map.of("valenciennois", List.of("OPERATOR", "COMMITTEE_MEMBER"))));

        assertThat(grants.networkRoles()).containsExactly(NetworkRole.NETWORK_ADMIN);
        assertThat(grants.rolesIn(BasinId.of("valenciennois")))
                .containsExactlyInAnyOrder(BasinRole.OPERATOR, BasinRole.COMMITTEE_MEMBER);
        assertThat(grants.hasBasin(BasinId.of("flandre-dunkerque"))).isFalse();
    }

    @Test
    void ignores_invalid_basin_ids_unknown_roles_and_malformed_claims() {
        Grants grants = Grants.fromClaims(Map.of(
                "network_roles", "NETWORK_ADMIN",
                "basins", Map.of("../admin", List.of("OPERATOR"), "valenciennois", List.of("GOD"),
                        "flandre-dunkerque", "OPERATOR")));

        assertThat(grants.networkRoles()).isEmpty();
        assertThat(grants.basins()).isEmpty();
    }

    @Test
    void reads_the_callers_person_in_each_basin_and_ignores_malformed_entries() {
        Grants grants = Grants.fromClaims(Map.of("basins", Map.of("valenciennois", List.of("COMMITTEE_MEMBER")),
                "people", Map.of("valenciennois", "per-dubois", "NOT A BASIN", "per-x", "flandre-dunkerque", 42)));

        assertThat(grants.personIn(BasinId.of("valenciennois"))).contains("per-dubois");
        assertThat(grants.personIn(BasinId.of("flandre-dunkerque"))).isEmpty();
        assertThat(Grants.fromClaims(Map.of("people", "per-dubois")).people()).isEmpty();
    }

    @Test
    void a_network_role_alone_grants_no_basin() {
        Grants grants = Grants.fromClaims(Map.of("network_roles", List.of("NETWORK_ADMIN")));

        assertThat(grants.hasAnyNetworkRole()).isTrue();
        assertThat(grants.hasBasin(BasinId.of("valenciennois"))).isFalse();
    }
}
