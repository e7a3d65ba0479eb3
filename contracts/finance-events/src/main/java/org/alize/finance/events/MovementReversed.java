package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A movement of the basin's accounts recorded by mistake was reversed: a contribution, a transfer or an
 * operating expense. Nothing is edited or deleted: this new movement undoes it, on its own date, and the journal
 * answers it with an entry that names the one it reverses. (A repayment has its own {@link RepaymentReversed}.)
 *
 * @param basinId    the basin, also the record key
 * @param reversalId the reversal's id, the journal's piece reference
 * @param movementId the id of the movement reversed ({@code contributionId}, {@code transferId} or {@code expenseId})
 * @param movement   {@code CONTRIBUTION}, {@code TRANSFER} or {@code OPERATING_EXPENSE}
 * @param amount     the amount reversed, the whole movement's
 * @param reversedOn the business date of the reversal, on or after the movement's
 * @param reason     why, in French
 * @param recordedAt when it was recorded, UTC
 * @param recordedBy who (token subject)
 */
public record MovementReversed(String basinId, String reversalId, String movementId, String movement, BigDecimal amount,
        LocalDate reversedOn, String reason, Instant recordedAt, String recordedBy) {
}
