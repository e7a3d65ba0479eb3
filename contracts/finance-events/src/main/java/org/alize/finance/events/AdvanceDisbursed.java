package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Money left the advance fund for the SME: one tranche of its advance (R-32: never above the amount granted). */
public record AdvanceDisbursed(String basinId, String advanceId, String projectId, String disbursementId, LocalDate paidOn,
        BigDecimal amount, BigDecimal disbursedTotal, BigDecimal granted, Instant recordedAt, String recordedBy) {
}
