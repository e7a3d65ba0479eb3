package org.alize.finance.advance;

/** How often an advance is repaid. */
public enum Frequency {
    MONTHLY(1), QUARTERLY(3);

    private final int months;

    Frequency(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
