package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The SME repaid part of its advance into the fund, allocated to the oldest instalments due first.
 *
 * @param outstanding what remains owed after it
 * @param daysPastDue how late the oldest unpaid instalment still is, 0 if none
 */
public record RepaymentReceived(String basinId, String advanceId, String projectId, String repaymentId, LocalDate paidOn,
        BigDecimal amount, List<Allocation> allocations, BigDecimal outstanding, int daysPastDue, Instant recordedAt,
        String recordedBy) {

    /** How much of the repayment went to which instalment. */
    public record Allocation(int instalment, BigDecimal amount) {
    }
}
