package org.alize.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuartilesTest {

    private static List<BigDecimal> values(int... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void nearest_rank_quartiles() {
        Quartiles q = Quartiles.of(values(7, 1, 3, 5, 2, 4, 6, 8));
        assertThat(q.q1()).isEqualByComparingTo("2");
        assertThat(q.median()).isEqualByComparingTo("4");
        assertThat(q.q3()).isEqualByComparingTo("6");
        assertThat(q.basins()).isEqualTo(8);
        assertThat(Quartiles.of(List.of()).median()).isNull();
    }

    @Test
    @DisplayName("R-42: below five basins a basin sees how many were compared, never their figures")
    void anonymised_below_five_basins_R42() {
        assertThat(Quartiles.of(values(1, 2, 3, 4)).anonymised()).isEqualTo(new Quartiles(null, null, null, 4));
        assertThat(Quartiles.of(values(1, 2, 3, 4, 5)).anonymised().median()).isEqualByComparingTo("3");
    }
}
