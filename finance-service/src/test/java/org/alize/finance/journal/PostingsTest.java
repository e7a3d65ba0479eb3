package org.alize.finance.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.alize.finance.events.AdvanceDisbursed;
import org.alize.finance.events.AdvanceOpened;
import org.alize.finance.events.AdvanceWrittenOff;
import org.alize.finance.events.ContributionReceived;
import org.alize.finance.events.OperatingExpenseRecorded;
import org.alize.finance.events.RepaymentReceived;
import org.junit.jupiter.api.Test;

class PostingsTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final LocalDate ON = LocalDate.of(2026, 3, 1);

    @Test
    void every_movement_of_money_is_a_balanced_entry_R31() {
        List<Object> events = List.of(
                new ContributionReceived("c", "b", "org", "COMPANIES", "ADVANCE_FUND", new BigDecimal("33400.00"), ON, AT, "op"),
                new AdvanceDisbursed("b", "adv", "p", "d", ON, new BigDecimal("12000.00"), new BigDecimal("12000.00"),
                        new BigDecimal("12000.00"), AT, "op"),
                new RepaymentReceived("b", "adv", "p", "r", ON, new BigDecimal("1000.00"),
                        List.of(new RepaymentReceived.Allocation(1, new BigDecimal("1000.00"))), new BigDecimal("11000.00"), 0, AT, "op"),
                new AdvanceWrittenOff("b", "adv", "p", "w", ON, new BigDecimal("11000.00"), "liquidation", "CA-1",
                        BigDecimal.ZERO, AT, "op"),
                new OperatingExpenseRecorded("b", "e", "OPERATOR_REIMBURSEMENT", new BigDecimal("4000.00"), ON, "semestre", "VMD",
                        AT, "op"));

        for (Object event : events) {
            Postings.Posting posting = Postings.of(event).orElseThrow();
            JournalEntry entry = new JournalEntry("je", 1, posting.journal(), posting.date(), posting.label(), posting.pieceRef(),
                    posting.lines(), "e", "t", null, AT);
            BigDecimal debit = entry.lines().stream().map(JournalEntry.Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal credit = entry.lines().stream().map(JournalEntry.Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(debit).as(event.getClass().getSimpleName()).isEqualByComparingTo(credit).isPositive();
        }
    }

    @Test
    void an_unbalanced_entry_cannot_exist_and_events_that_move_no_money_post_nothing_R31() {
        assertThatThrownBy(() -> new JournalEntry("je", 1, "FA", ON, "x", "p", List.of(
                JournalEntry.Line.debit(Account.FUND_BANK, null, new BigDecimal("10.00")),
                JournalEntry.Line.credit(Account.FUND_ENDOWMENT, null, new BigDecimal("9.99"))), "e", "t", null, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Postings.of(new AdvanceOpened("b", "adv", "p", "r", "c", "cc", ON, new BigDecimal("1200.00"), 3, 0, "MONTHLY",
                List.of(), AT, "op"))).isEmpty();
    }
}
