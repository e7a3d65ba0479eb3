package org.alize.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * a fund's loss rate, gross (written off / lent) and net of what was recovered ((written off − recovered) /
 * lent), in percent to one decimal, beside the programme's 6 % reference. Nothing lent is a rate of 0.0: nothing
 * was lost. A projection that needs an assumption before anything was lent uses {@link #forProjection()}.
 */
public record LossRate(BigDecimal lent, BigDecimal writtenOff, BigDecimal recovered, BigDecimal grossPercent,
        BigDecimal netPercent) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public static LossRate of(BigDecimal lent, BigDecimal writtenOff, BigDecimal recovered) {
        if (lent.signum() == 0) {
            BigDecimal none = BigDecimal.ZERO.setScale(1);
            return new LossRate(lent, writtenOff, recovered, none, none);
        }
        BigDecimal gross = writtenOff.multiply(HUNDRED).divide(lent, 1, RoundingMode.HALF_UP);
        BigDecimal net = writtenOff.subtract(recovered).max(BigDecimal.ZERO).multiply(HUNDRED)
                .divide(lent, 1, RoundingMode.HALF_UP);
        return new LossRate(lent, writtenOff, recovered, gross, net);
    }

    /** The gross rate measured, or R-30's reference while nothing has been lent to measure one. */
    public BigDecimal forProjection() {
        return lent.signum() == 0 ? ProgrammeReferences.R30_LOSS_RATE_PERCENT : grossPercent;
    }
}
