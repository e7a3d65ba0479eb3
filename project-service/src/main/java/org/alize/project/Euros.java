package org.alize.project;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.alize.tenancy.input.InputBounds;
import org.alize.tenancy.problem.InvalidInput;

/** Euro amounts: never negative, at most two decimals, held with two. */
public final class Euros {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Euros() {
    }

    public static BigDecimal of(BigDecimal amount, String field) {
        if (amount == null) {
            return ZERO;
        }
        if (amount.signum() < 0) {
            throw InvalidInput.field(field, "un montant ne peut être négatif");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw InvalidInput.field(field, "un montant en euros a au plus deux décimales");
        }
        if (amount.compareTo(InputBounds.MAX_AMOUNT) > 0) {
            throw InvalidInput.field(field, "au plus 10 000 000 €");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal positive(BigDecimal amount, String field) {
        BigDecimal euros = of(amount, field);
        if (euros.signum() == 0) {
            throw InvalidInput.field(field, "le montant doit être positif");
        }
        return euros;
    }
}
