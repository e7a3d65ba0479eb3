package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Money came back into the fund on an advance after it was written off. */
public record LossRecovered(String basinId, String advanceId, String projectId, String recoveryId, LocalDate receivedOn,
        BigDecimal amount, Instant recordedAt, String recordedBy) {
}
