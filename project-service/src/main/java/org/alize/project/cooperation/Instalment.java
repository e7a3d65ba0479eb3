package org.alize.project.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One repayment of the advance annex's calendar. */
public record Instalment(int number, LocalDate dueOn, BigDecimal amount) {
}
