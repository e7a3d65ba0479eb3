package org.alize.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasinIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"valenciennois", "flandre-dunkerque", "terres-de-lorraine", "b42", "abc"})
    void accepts_slugs(String value) {
        assertThat(BasinId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "Valenciennois", "9bassin", "-bassin", "bassin_nord", "bassin/../autre",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "network"})
    void refuses_anything_else_in_french(String value) {
        assertThatThrownBy(() -> BasinId.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identifiant de bassin invalide");
    }

    @ParameterizedTest
    @ValueSource(strings = {"network", "api", "admin", "actuator", "console"})
    void names_the_platform_reserves_for_itself(String value) {
        assertThat(BasinId.isReservedForPlatform(value)).isTrue();
        assertThat(BasinId.isReservedForPlatform("valenciennois")).isFalse();
    }
}
