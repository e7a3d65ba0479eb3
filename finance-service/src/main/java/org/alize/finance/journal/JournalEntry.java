package org.alize.finance.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.alize.kernel.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A balanced journal entry: written once, never changed; a mistake is undone by a reversing entry
 * that names the one it reverses.
 *
 * @param id            {@code je-<ce_id>} of the event it records (a reversal: {@code rev-<id>})
 * @param journal       {@code FA} advance fund, {@code FO} operating account, {@code CN} contributions in kind
 * @param pieceRef      the business reference: advance, contribution, expense…
 */
@Document("journal")
public record JournalEntry(@Id String id, @Indexed long number, String journal, LocalDate date, String label,
        String pieceRef, List<Line> lines, String sourceEventId, String sourceType, String reverses, Instant recordedAt) {

    /** One side of an entry; {@code auxiliary} names the advance for account 274100. */
    public record Line(Account account, String auxiliary, BigDecimal debit, BigDecimal credit) {

        public static Line debit(Account account, String auxiliary, BigDecimal amount) {
            return new Line(account, auxiliary, amount, Money.ZERO);
        }

        public static Line credit(Account account, String auxiliary, BigDecimal amount) {
            return new Line(account, auxiliary, Money.ZERO, amount);
        }
    }

    public JournalEntry {
        BigDecimal debits = lines.stream().map(Line::debit).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal credits = lines.stream().map(Line::credit).reduce(Money.ZERO, BigDecimal::add);
        if (debits.compareTo(credits) != 0 || debits.signum() == 0) {
            throw new IllegalArgumentException("unbalanced or empty entry " + id + ": " + debits + " / " + credits);
        }
        lines = List.copyOf(lines);
    }
}
