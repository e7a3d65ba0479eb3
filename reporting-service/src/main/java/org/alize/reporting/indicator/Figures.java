package org.alize.reporting.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the indicators write their figures. */
final class Figures {

    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Figures() {
    }

    /** Euros to the cent. */
    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
