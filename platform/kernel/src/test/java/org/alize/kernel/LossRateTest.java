package org.alize.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LossRateTest {

    @Test
    @DisplayName("R-30: gross is written off over lent, net deducts what was recovered, to one decimal")
    void r30_gross_and_net_rates() {
        LossRate rate = LossRate.of(new BigDecimal("200000"), new BigDecimal("15000"), new BigDecimal("3000"));
        assertThat(rate.grossPercent()).isEqualTo(new BigDecimal("7.5"));
        assertThat(rate.netPercent()).isEqualTo(new BigDecimal("6.0"));
    }

    @Test
    @DisplayName("R-30: nothing lent is nothing lost, and a projection assumes the 6 % reference until then")
    void r30_nothing_lent() {
        LossRate rate = LossRate.of(Money.ZERO, Money.ZERO, Money.ZERO);
        assertThat(rate.grossPercent()).isEqualTo(new BigDecimal("0.0"));
        assertThat(rate.netPercent()).isEqualTo(new BigDecimal("0.0"));
        assertThat(rate.forProjection()).isEqualTo(ProgrammeReferences.R30_LOSS_RATE_PERCENT).isEqualTo(new BigDecimal("6.0"));
        assertThat(LossRate.of(new BigDecimal("1000"), new BigDecimal("50"), Money.ZERO).forProjection())
                .isEqualTo(new BigDecimal("5.0"));
    }

    @Test
    @DisplayName("R-30: recovering more than was written off never makes a negative net rate")
    void r30_net_never_negative() {
        assertThat(LossRate.of(new BigDecimal("1000"), new BigDecimal("50"), new BigDecimal("80")).netPercent())
                .isEqualTo(new BigDecimal("0.0"));
    }
}
