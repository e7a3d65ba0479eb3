package org.alize.finance.advance;

import static org.alize.finance.advance.AdvanceMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.alize.tenancy.InBasin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Positions at a date: 12 000 € lent on 2026-01-20, twelve instalments of 1 000 € due on the 15th from February. */
class AdvancePositionTest {

    @RegisterExtension
    static final InBasin VALENCIENNOIS = new InBasin("valenciennois");

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    @DisplayName("R-30: an instalment is late the day after it falls due, not on the day")
    void anInstalmentIsLateTheDayAfterItFallsDue() {
        Advance advance = AdvanceMother.disbursed();

        AdvancePosition onTheDay = AdvancePosition.of(advance, LocalDate.of(2026, 5, 15));
        AdvancePosition dayAfter = AdvancePosition.of(advance, LocalDate.of(2026, 5, 16));

        assertThat(onTheDay.amountInArrears()).isEqualByComparingTo("3000");
        assertThat(onTheDay.daysPastDue()).isEqualTo(89);
        assertThat(dayAfter.amountInArrears()).isEqualByComparingTo("4000");
        assertThat(dayAfter.daysPastDue()).isEqualTo(90);
        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 1, 19)).status()).isEqualTo(Advance.Status.OPEN);
        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 1, 19)).outstanding()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("R-31: a repayment entered months later with its own date moves the positions of the dates it belongs to")
    void aBackDatedRepaymentMovesThePastPositions() {
        Advance advance = AdvanceMother.disbursed();
        advance.repay(LocalDate.of(2026, 3, 1), new BigDecimal("1000"), TODAY, NOW, "op");

        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 2, 28)).amountInArrears()).isEqualByComparingTo("1000");
        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 2, 28)).repaid()).isEqualByComparingTo("0");
        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 3, 1)).amountInArrears()).isEqualByComparingTo("0");
        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 3, 1)).outstanding()).isEqualByComparingTo("11000");
        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 3, 16)).amountInArrears()).isEqualByComparingTo("1000");
        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 3, 16)).daysPastDue()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-31: a reversed repayment counts until the day of its reversal, and not from that day")
    void aReversedRepaymentCountsUntilItsReversal() {
        Advance advance = AdvanceMother.disbursed();
        advance.repay(LocalDate.of(2026, 3, 1), new BigDecimal("2000"), TODAY, NOW, "op");
        String repayment = advance.repayments().get(0).id();
        advance.reverseRepayment(repayment, LocalDate.of(2026, 4, 10), "Chèque impayé", TODAY, NOW, "op");

        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 4, 9)).repaid()).isEqualByComparingTo("2000");
        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 4, 9)).amountInArrears()).isEqualByComparingTo("0");
        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 4, 10)).repaid()).isEqualByComparingTo("0");
        assertThat(AdvancePosition.of(advance, LocalDate.of(2026, 4, 10)).amountInArrears()).isEqualByComparingTo("2000");
    }

    @Test
    @DisplayName("R-30: a position before a rescheduling reads the schedule then in force; after it, the new one")
    void aPositionReadsTheScheduleInForceThatDay() {
        Advance advance = AdvanceMother.disbursed();
        advance.repay(LocalDate.of(2026, 2, 15), new BigDecimal("1000"), TODAY, NOW, "op");
        advance.reschedule("CA-2026-04", LocalDate.of(2026, 4, 1), 24, 6, Frequency.MONTHLY, NOW, "op");

        AdvancePosition before = AdvancePosition.of(advance, LocalDate.of(2026, 3, 31));
        AdvancePosition after = AdvancePosition.of(advance, LocalDate.of(2026, 9, 30));

        assertThat(before.amountInArrears()).isEqualByComparingTo("1000");
        assertThat(before.daysPastDue()).isEqualTo(16);
        assertThat(after.amountInArrears()).isEqualByComparingTo("0");
        assertThat(after.outstanding()).isEqualByComparingTo("11000");
    }

    @Test
    @DisplayName("R-30: at 31 December, a write-off of November is in the position and the advance is no longer late for it")
    void aWriteOffSettlesTheLatestInstalmentsFirst() {
        Advance advance = AdvanceMother.disbursed();
        advance.repay(LocalDate.of(2026, 6, 30), new BigDecimal("5000"), TODAY, NOW, "op");
        advance.writeOff(LocalDate.of(2026, 11, 20), new BigDecimal("7000"), "Liquidation", "CA-2026-11", TODAY, NOW, "op");
        advance.recover(LocalDate.of(2026, 11, 25), new BigDecimal("700"), TODAY, NOW, "op");

        AdvancePosition october = AdvancePosition.of(advance, LocalDate.of(2026, 10, 31));
        AdvancePosition yearEnd = AdvancePosition.of(advance, LocalDate.of(2026, 12, 31));

        assertThat(october.outstanding()).isEqualByComparingTo("7000");
        assertThat(october.amountInArrears()).isEqualByComparingTo("4000");
        assertThat(october.daysPastDue()).isEqualTo(108);
        assertThat(october.recovered()).isEqualByComparingTo("0");
        assertThat(yearEnd.writtenOff()).isEqualByComparingTo("7000");
        assertThat(yearEnd.recovered()).isEqualByComparingTo("700");
        assertThat(yearEnd.outstanding()).isEqualByComparingTo("0");
        assertThat(yearEnd.amountInArrears()).isEqualByComparingTo("0");
        assertThat(yearEnd.status()).isEqualTo(Advance.Status.WRITTEN_OFF);
    }

    @Test
    @DisplayName("a position today is the advance as it stands, movement by movement")
    void aPositionTodayIsTheAdvanceAsItStands() {
        Advance advance = AdvanceMother.disbursed();
        LocalDate[] days = {LocalDate.of(2026, 2, 20), LocalDate.of(2026, 4, 2), LocalDate.of(2026, 7, 14), LocalDate.of(2026, 9, 1)};
        for (LocalDate day : days) {
            advance.repay(day, new BigDecimal("850.50"), TODAY, NOW, "op");
            AdvancePosition position = AdvancePosition.of(advance, TODAY);
            assertThat(position.outstanding()).isEqualByComparingTo(advance.outstanding());
            assertThat(position.repaid()).isEqualByComparingTo(advance.repaid());
            assertThat(position.amountInArrears()).isEqualByComparingTo(advance.amountInArrears(TODAY));
            assertThat(position.daysPastDue()).isEqualTo(advance.daysPastDue(TODAY));
            assertThat(position.status()).isEqualTo(advance.status());
        }
    }
}
