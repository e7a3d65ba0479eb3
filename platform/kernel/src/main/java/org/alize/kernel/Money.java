package org.alize.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.alize.kernel.problem.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Euro amounts as the programme counts them, for every service: at most two decimals (more is a field error,
 * never rounded), at most {@link #MAX} (10,000,000 €, above any advance, pledge or budget line of a basin), held
 * with two decimals. An amount that is absent is refused, except where the caller says it means none
 * ({@link #orZero}); amounts the platform computes are rounded to the cent with {@link #euros}.
 */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");
    /**
     * The largest amount in euros any field takes: a basin's whole three-year budget is about 900 k€
     * an advance 10–25 k€; ten million leaves room for any honest figure and none for 1e308.
     */
    public static final BigDecimal MAX = new BigDecimal("10000000.00");

    private Money() {
    }

    /** A payment, a grant or a transfer: more than zero. */
    public static BigDecimal positive(@Nullable BigDecimal amount, String field) {
        BigDecimal euros = nonNegative(amount, field);
        if (euros.signum() == 0) {
            throw InvalidInput.field(field, "le montant doit être positif");
        }
        return euros;
    }

    /** An amount that may be zero but must be given. */
    public static BigDecimal nonNegative(@Nullable BigDecimal amount, String field) {
        if (amount == null) {
            throw InvalidInput.field(field, "montant obligatoire");
        }
        return orZero(amount, field);
    }

    /** An amount that may be left out, meaning none (a pledge without cash): absent is zero. */
    public static BigDecimal orZero(@Nullable BigDecimal amount, String field) {
        if (amount == null) {
            return ZERO;
        }
        if (amount.signum() < 0) {
            throw InvalidInput.field(field, "un montant ne peut être négatif");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw InvalidInput.field(field, "un montant en euros a au plus deux décimales");
        }
        if (amount.compareTo(MAX) > 0) {
            throw InvalidInput.field(field, "au plus 10 000 000 €");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** An amount the platform computed (a share, an instalment), to the cent. */
    public static BigDecimal euros(BigDecimal computed) {
        return computed.setScale(2, RoundingMode.HALF_UP);
    }
}
