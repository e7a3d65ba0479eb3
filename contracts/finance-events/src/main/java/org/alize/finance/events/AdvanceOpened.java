package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An interest-free repayable advance was opened from a signed cooperation convention, with
 * its schedule. Nothing is lent yet: disbursements follow.
 */
public record AdvanceOpened(String basinId, String advanceId, String projectId, String projectReference, String companyName,
        String conventionId, LocalDate signedOn, BigDecimal amount, int durationMonths, int graceMonths, String frequency,
        List<Instalment> schedule, Instant openedAt, String openedBy) {

    /** One instalment of the schedule: its number, due date and principal. */
    public record Instalment(int number, LocalDate dueOn, BigDecimal amount) {
    }
}
