package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An approved change replaced the rest of an advance's schedule; the former schedule stays in its history. */
public record AdvanceRescheduled(String basinId, String advanceId, String projectId, String approvalReference,
        LocalDate effectiveOn, BigDecimal outstanding, List<AdvanceOpened.Instalment> schedule, Instant recordedAt,
        String recordedBy) {
}
