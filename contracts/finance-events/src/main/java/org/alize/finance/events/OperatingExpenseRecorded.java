package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An expense paid from the operating account: local engineering, or the operator's reimbursement (R-14:
 * at most 10 000 € a year).
 *
 * @param category {@code LOCAL_ENGINEERING}, {@code OPERATOR_REIMBURSEMENT} or {@code OTHER}
 */
public record OperatingExpenseRecorded(String basinId, String expenseId, String category, BigDecimal amount, LocalDate paidOn,
        String description, String payee, Instant recordedAt, String recordedBy) {
}
