package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Money moved between the basin's two accounts, on a recorded approval. */
public record TransferRecorded(String basinId, String transferId, String fromAccount, String toAccount, BigDecimal amount,
        LocalDate transferredOn, String approvalReference, String reason, Instant recordedAt, String recordedBy) {
}
