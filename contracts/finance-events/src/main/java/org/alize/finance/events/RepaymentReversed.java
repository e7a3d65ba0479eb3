package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A repayment recorded by mistake was reversed (R-31: nothing is edited or deleted; a new movement undoes
 * the former one), with its reason; what it had settled is owed again.
 */
public record RepaymentReversed(String basinId, String advanceId, String projectId, String repaymentId, LocalDate reversedOn,
        BigDecimal amount, String reason, BigDecimal outstanding, Instant recordedAt, String recordedBy) {
}
