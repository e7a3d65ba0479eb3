package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.FactsFixture.Advance.advance;
import static org.alize.reporting.indicator.FactsFixture.Project.project;
import static org.alize.reporting.indicator.FactsFixture.basin;
import static org.alize.reporting.indicator.FactsFixture.euros;
import static org.alize.reporting.indicator.FactsFixture.means;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The basin's money, each function fed by typed facts. */
class MoneyFiguresTest {

    private static final Span Y2025 = Span.year(2025);

    @Test
    @DisplayName("R-13: resources by category and their shares, every category shown, beside 40/20/25/15 and 900 k€")
    void resources_R13() {
        ConventionFact convention = FactsFixture.convention("c", "2025-01-01", "2027-12-31",
                Map.of("COMPANIES", euros("450000"), "LOCAL_AUTHORITIES", euros("300000"), "STATE_AND_CDC", euros("150000")), 0);

        YearIndicators.Resources resources = MoneyFigures.resources(Optional.of(convention));

        assertThat(resources.byCategory()).containsOnlyKeys(MoneyFigures.CATEGORIES);
        assertThat(resources.total()).isEqualByComparingTo("900000");
        assertThat(resources.sharePercent()).containsEntry("COMPANIES", euros("50.0")).containsEntry("TERRITORIAL_ACTORS", euros("0.0"))
                .containsEntry("STATE_AND_CDC", euros("16.7"));
        assertThat(MoneyFigures.resources(Optional.empty()).sharePercent()).containsEntry("COMPANIES", euros("0.0"));
        assertThat(resources.referenceTotal()).isEqualByComparingTo("900000");
    }

    @Test
    @DisplayName("R-14: project support, local engineering, and the operator's reimbursement with the help put at its disposal")
    void spending_R14() {
        BasinFacts facts = basin()
                .money(MoneyFact.EXPENSE, MoneyFact.OPERATING_ACCOUNT, MoneyFact.LOCAL_ENGINEERING, "30000", "2025-03-01")
                .money(MoneyFact.EXPENSE, MoneyFact.OPERATING_ACCOUNT, MoneyFact.LOCAL_ENGINEERING, "-5000", "2025-04-01")
                .money(MoneyFact.EXPENSE, MoneyFact.OPERATING_ACCOUNT, MoneyFact.OPERATOR_REIMBURSEMENT, "6000", "2025-05-01")
                .money(MoneyFact.VALUED + "SKILLS", MoneyFact.OPERATOR, "COMPANIES", "3000", "2025-06-01")
                .money(MoneyFact.VALUED + "SKILLS", null, "COMPANIES", "8000", "2025-06-01")
                .money(MoneyFact.EXPENSE, MoneyFact.OPERATING_ACCOUNT, MoneyFact.LOCAL_ENGINEERING, "1000", "2026-01-01")
                .project(project("a").approved("2025-02-01", 0, means("6400", "500", "20000", "10000", "2000"))
                        .delivered("2025-05-01", 2, "1600").fact())
                .facts();

        YearIndicators.Spending spending = MoneyFigures.spending(facts, Y2025, ProjectFigures.means(facts, Y2025),
                ProjectFigures.skills(facts, Y2025, Optional.empty(), 1));

        assertThat(spending.localEngineering()).as("a reversal is an expense of the opposite amount").isEqualByComparingTo("25000");
        assertThat(spending.operatorReimbursement()).isEqualByComparingTo("9000");
        assertThat(spending.projectSupport()).as("advance, direct financing, help in kind granted, skills delivered (not a loan)")
                .isEqualByComparingTo("24100");
        assertThat(spending.operatorReimbursementCap()).isEqualByComparingTo("10000");
    }

    @Test
    @DisplayName("R-30, R-31: flows of the span, positions at its end, arrears against the schedule in force, loss rates")
    void fund_R30_R31() {
        BasinFacts facts = basin()
                .money(MoneyFact.CONTRIBUTION, MoneyFact.ADVANCE_FUND, "COMPANIES", "100000", "2024-01-10")
                .money(MoneyFact.TRANSFER, MoneyFact.ADVANCE_FUND, MoneyFact.OPERATING_ACCOUNT, "5000", "2025-01-10")
                .money(MoneyFact.TRANSFER, MoneyFact.OPERATING_ACCOUNT, MoneyFact.ADVANCE_FUND, "2000", "2025-02-10")
                .money(MoneyFact.CONTRIBUTION, MoneyFact.ADVANCE_FUND, "COMPANIES", "7000", "2026-01-10")
                .advance(advance().schedule(null, "2025-03-01", "1000", "2025-06-01", "1000", "2025-09-01", "1000",
                                "2025-12-01", "1000")
                        .disbursed("2024-12-01", "4000").repaid("2025-03-01", "1000").repaid("2025-06-01", "1000")
                        .reversed("2025-06-20", "1000").fact())
                .advance(advance().schedule(null, "2025-02-01", "5000").schedule("2025-01-15", "2026-02-01", "5000")
                        .disbursed("2025-01-05", "5000").fact())
                .advance(advance().disbursed("2024-05-01", "10000").writtenOff("2025-11-30", "6000")
                        .recovered("2025-12-15", "500").fact())
                .facts();

        YearIndicators.Fund fund = MoneyFigures.fund(facts, Y2025, LocalDate.of(2025, 12, 31));

        assertThat(fund.lent()).isEqualByComparingTo("5000");
        assertThat(fund.repaid()).isEqualByComparingTo("1000");
        assertThat(fund.writtenOff()).isEqualByComparingTo("6000");
        assertThat(fund.recovered()).isEqualByComparingTo("500");
        assertThat(fund.outstanding()).as("3000 + 5000 + 4000").isEqualByComparingTo("12000");
        assertThat(fund.inArrears()).as("4000 due, 1000 repaid net; the rescheduled advance owes nothing yet; 4000 written-down")
                .isEqualByComparingTo("3000");
        assertThat(fund.advancesInArrears()).isEqualTo(1);
        assertThat(fund.balance()).as("103000 in, 19000 lent, 1000 back, 500 recovered").isEqualByComparingTo("85500");
        assertThat(fund.size()).isEqualByComparingTo("97500");
        assertThat(fund.lossRatePercent()).as("6000 of 19000").isEqualByComparingTo("31.6");
        assertThat(fund.netLossRatePercent()).isEqualByComparingTo("28.9");
    }

    @Test
    @DisplayName("R-30: the fund's cash counts contributions to it and transfers into it, less transfers out, up to the day")
    void cash_of_the_advance_fund_R30() {
        BasinFacts facts = basin()
                .money(MoneyFact.CONTRIBUTION, MoneyFact.ADVANCE_FUND, "COMPANIES", "1000", "2025-01-10")
                .money(MoneyFact.CONTRIBUTION, MoneyFact.OPERATING_ACCOUNT, "COMPANIES", "999", "2025-01-10")
                .money(MoneyFact.TRANSFER, MoneyFact.ADVANCE_FUND, MoneyFact.OPERATING_ACCOUNT, "300", "2025-02-10")
                .money(MoneyFact.TRANSFER, MoneyFact.OPERATING_ACCOUNT, MoneyFact.ADVANCE_FUND, "200", "2025-03-10")
                .money(MoneyFact.CONTRIBUTION, MoneyFact.ADVANCE_FUND, "COMPANIES", "50", "2025-03-11")
                .facts();

        assertThat(MoneyFigures.cash(facts, LocalDate.of(2025, 3, 10))).isEqualByComparingTo("1100");
        assertThat(MoneyFigures.cash(facts, LocalDate.of(2025, 3, 11))).isEqualByComparingTo("1150");
    }
}
