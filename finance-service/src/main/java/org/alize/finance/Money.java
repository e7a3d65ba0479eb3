package org.alize.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.alize.tenancy.input.InputBounds;
import org.alize.tenancy.problem.InvalidInput;

/** Euro amounts: positive, at most two decimals, held with two. */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    public static BigDecimal positive(BigDecimal amount, String field) {
        if (amount == null || amount.signum() <= 0) {
            throw InvalidInput.field(field, "le montant doit être positif");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw InvalidInput.field(field, "un montant en euros a au plus deux décimales");
        }
        if (amount.compareTo(InputBounds.MAX_AMOUNT) > 0) {
            throw InvalidInput.field(field, "au plus 10 000 000 €");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal euros(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
