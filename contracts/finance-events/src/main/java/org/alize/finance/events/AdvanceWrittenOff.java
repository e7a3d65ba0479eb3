package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** All or part of an advance was written off as a loss, by a committee decision. */
public record AdvanceWrittenOff(String basinId, String advanceId, String projectId, String writeOffId, LocalDate writtenOffOn,
        BigDecimal amount, String reason, String committeeReference, BigDecimal outstanding, Instant recordedAt,
        String recordedBy) {
}
