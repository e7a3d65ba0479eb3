package org.alize.finance.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PledgesTest {

    private static Pledges from(LocalDate start) {
        return new Pledges("conv", start, start.plusYears(3).minusDays(1), List.of(),
                List.of(new BigDecimal("8000.00"), new BigDecimal("9000.00"), new BigDecimal("7000.00")), 1);
    }

    @Test
    void a_convention_from_1_july_budgets_the_operator_by_convention_year_not_by_calendar_year_R14() {
        Pledges convention = from(LocalDate.of(2023, 7, 1));

        assertThat(convention.reimbursementBudgetedFor(LocalDate.of(2023, 7, 1))).isEqualByComparingTo("8000");
        assertThat(convention.reimbursementBudgetedFor(LocalDate.of(2024, 3, 15))).as("still year 1").isEqualByComparingTo("8000");
        assertThat(convention.reimbursementBudgetedFor(LocalDate.of(2024, 6, 30))).as("the day before the anniversary")
                .isEqualByComparingTo("8000");
        assertThat(convention.reimbursementBudgetedFor(LocalDate.of(2024, 7, 1))).as("the anniversary").isEqualByComparingTo("9000");
        assertThat(convention.reimbursementBudgetedFor(LocalDate.of(2025, 12, 31))).as("31 December of year 3")
                .isEqualByComparingTo("7000");
        assertThat(convention.reimbursementBudgetedFor(LocalDate.of(2026, 3, 15))).as("year 3").isEqualByComparingTo("7000");
        assertThat(convention.reimbursementBudgetedFor(LocalDate.of(2026, 7, 1))).as("after the term").isZero();
        assertThat(convention.reimbursementBudgetedFor(LocalDate.of(2023, 6, 30))).as("before the start").isZero();
    }

    @Test
    void a_convention_from_29_february_turns_a_year_on_28_february_R14() {
        Pledges convention = from(LocalDate.of(2024, 2, 29));

        assertThat(convention.conventionYearOf(LocalDate.of(2025, 2, 27))).isEqualTo(1);
        assertThat(convention.conventionYearOf(LocalDate.of(2025, 2, 28))).isEqualTo(2);
        assertThat(convention.conventionYearOf(LocalDate.of(2028, 2, 29))).isEqualTo(5);
    }
}
