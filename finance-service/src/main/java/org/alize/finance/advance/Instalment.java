package org.alize.finance.advance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One instalment: its principal due on a date, what was repaid on it and what was written off of it. */
public record Instalment(int number, LocalDate dueOn, BigDecimal amount, BigDecimal paid, BigDecimal writtenOff) {

    public BigDecimal unpaid() {
        return amount.subtract(paid).subtract(writtenOff);
    }

    public boolean settled() {
        return unpaid().signum() == 0;
    }

    Instalment pay(BigDecimal part) {
        return new Instalment(number, dueOn, amount, paid.add(part), writtenOff);
    }

    Instalment writeOff(BigDecimal part) {
        return new Instalment(number, dueOn, amount, paid, writtenOff.add(part));
    }
}
