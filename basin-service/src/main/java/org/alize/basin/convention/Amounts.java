package org.alize.basin.convention;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.alize.tenancy.problem.InvalidInput;

/** Euro amounts: never negative, at most two decimals, always held with two. */
final class Amounts {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    private Amounts() {
    }

    static BigDecimal euros(BigDecimal amount, String field) {
        if (amount == null) {
            return ZERO;
        }
        if (amount.signum() < 0) {
            throw InvalidInput.field(field, "un montant ne peut être négatif");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw InvalidInput.field(field, "un montant en euros a au plus deux décimales");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
