package org.alize.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.alize.console.api.ApiException;
import org.junit.jupiter.api.Test;

class FrTest {

    private final Fr fr = new Fr();

    @Test
    void amounts_dates_and_percentages_are_written_the_french_way() {
        assertThat(fr.euros(new BigDecimal("12345.6"))).matches("12[\\s\\u00a0\\u202f]345,60[\\s\\u00a0\\u202f]€");
        assertThat(fr.euros(20000.0)).matches("20[\\s\\u00a0\\u202f]000[\\s\\u00a0\\u202f]€");
        assertThat(fr.euros(null)).isEqualTo("—");
        assertThat(fr.date("2026-09-27")).isEqualTo("27/09/2026");
        assertThat(fr.longDate("2026-12-08")).isEqualTo("8 décembre 2026");
        assertThat(fr.percent(5.9)).isEqualTo("5,9 %");
        assertThat(fr.figure(28, "jours")).isEqualTo("28 j");
    }

    @Test
    void a_figure_stands_against_its_reference() {
        assertThat(fr.standing(Map.of("key", "jobsForecast", "value", 29, "reference", 75))).isEqualTo("ecart");
        assertThat(fr.standing(Map.of("key", "projectsApproved", "value", 12, "reference", 12))).isEqualTo("ok");
        assertThat(fr.standing(Map.of("key", "lossRate", "value", 5.9, "reference", 6))).isEqualTo("ok");
        assertThat(fr.standing(Map.of("key", "lossRate", "value", 7.2, "reference", 6))).isEqualTo("ecart");
        assertThat(fr.standing(Map.of("key", "shareCompanies", "value", 46, "reference", 40))).isEqualTo("ecart");
        assertThat(fr.standing(Map.of("key", "shareCompanies", "value", 42, "reference", 40))).isEqualTo("ok");
    }

    @Test
    void amounts_are_read_as_typed_in_french() {
        assertThat(Money.parse("1 234,56 €", "montant")).isEqualByComparingTo("1234.56");
        assertThat(Money.parse("650", "montant")).isEqualByComparingTo("650");
        for (String wrong : List.of("abc", "-5", "0", "12,345")) {
            assertThatThrownBy(() -> Money.parse(wrong, "montant")).isInstanceOf(ApiException.class)
                    .hasMessageContaining("Montant invalide");
        }
    }

    @Test
    void the_viewer_is_read_from_the_token_claims() {
        Viewer viewer = Viewer.fromClaims(Map.of("sub", "karim", "preferred_username", "operateur.valenciennois",
                "network_roles", List.of(), "basins", Map.of("valenciennois", List.of("OPERATOR", "STEERING_MEMBER"))),
                "Karim Benali");
        assertThat(viewer.isOperator("valenciennois")).isTrue();
        assertThat(viewer.canSee("flandre-dunkerque")).isFalse();
        assertThat(viewer.isNetwork()).isFalse();
        assertThat(viewer.rolesIn("valenciennois")).isEqualTo("opérateur local, membre du comité de pilotage");
    }
}
