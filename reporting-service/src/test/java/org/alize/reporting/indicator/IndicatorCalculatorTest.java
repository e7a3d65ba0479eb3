package org.alize.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The indicator computation fed by fact documents as the intake writes them; no Spring, no database. */
class IndicatorCalculatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final Instant AS_OF = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    @DisplayName("R-30, R-31: a repayment, a reversal, a write-off and a recovery dated in a past year give that year its indicators")
    void movementsOfAPastYearLandInThatYear() {
        Document advance = new Document("basinId", "b").append("projectId", "p1").append("granted", new BigDecimal("20000"))
                .append("disbursements", new Document("d1", movement("2024-03-10", "20000")))
                .append("repayments", new Document("r1", movement("2025-02-01", "1000")).append("r2", movement("2025-03-01", "1000")))
                .append("reversals", new Document("r2", movement("2025-03-05", "1000")))
                .append("writeOffs", new Document("w1", movement("2025-11-30", "6000")))
                .append("recoveries", new Document("c1", movement("2025-12-31", "500")));
        BasinFacts facts = facts(List.of(), List.of(advance), List.of());

        assertThat(IndicatorCalculator.years(facts, TODAY)).containsExactly(2024, 2025, 2026);
        YearIndicators.Fund fund = IndicatorCalculator.compute(facts, 2025, TODAY, AS_OF, 6).fund();

        assertThat(fund.lent()).isEqualByComparingTo("0");
        assertThat(fund.repaid()).isEqualByComparingTo("1000");
        assertThat(fund.writtenOff()).isEqualByComparingTo("6000");
        assertThat(fund.recovered()).isEqualByComparingTo("500");
        assertThat(fund.outstanding()).isEqualByComparingTo("13000");
        assertThat(fund.lossRatePercent()).isEqualByComparingTo("30.0");
        assertThat(fund.netLossRatePercent()).isEqualByComparingTo("27.5");
    }

    @Test
    @DisplayName("R-31: a repayment reversed in the next year lowers the next year's repaid amount, not the year it was received")
    void aReversalBelongsToTheYearItIsDated() {
        Document advance = new Document("basinId", "b").append("granted", new BigDecimal("10000"))
                .append("disbursements", new Document("d1", movement("2024-01-15", "10000")))
                .append("repayments", new Document("r1", movement("2024-12-31", "800")))
                .append("reversals", new Document("r1", movement("2025-01-01", "800")));
        BasinFacts facts = facts(List.of(), List.of(advance), List.of());

        assertThat(IndicatorCalculator.compute(facts, 2024, TODAY, AS_OF, 3).fund().repaid()).isEqualByComparingTo("800");
        assertThat(IndicatorCalculator.compute(facts, 2024, TODAY, AS_OF, 3).fund().outstanding()).isEqualByComparingTo("9200");
        assertThat(IndicatorCalculator.compute(facts, 2025, TODAY, AS_OF, 3).fund().repaid()).isEqualByComparingTo("-800");
        assertThat(IndicatorCalculator.compute(facts, 2025, TODAY, AS_OF, 3).fund().outstanding()).isEqualByComparingTo("10000");
    }

    @Test
    @DisplayName("R-25: a project submitted in 2023 and decided in 2024 counts as submitted in 2023, and its delay is the days between")
    void aProjectEnteredAfterTheFactCountsInTheYearsOfItsDates() {
        Document project = new Document("basinId", "b").append("projectId", "p1").append("submittedOn", "2023-08-24")
                .append("forecastJobs", 4)
                .append("decisions", new Document("s1", new Document("decidedOn", "2024-01-10").append("outcome", "APPROVED")))
                .append("reports", new Document("f1", new Document("on", "2024-07-10").append("jobs", 6).append("lasting", 3)));
        BasinFacts facts = facts(List.of(project), List.of(), List.of());

        assertThat(IndicatorCalculator.years(facts, TODAY)).containsExactly(2023, 2024, 2026);
        assertThat(IndicatorCalculator.compute(facts, 2023, TODAY, AS_OF, 3).activity().projectsSubmitted()).isEqualTo(1);
        YearIndicators y2024 = IndicatorCalculator.compute(facts, 2024, TODAY, AS_OF, 3);
        assertThat(y2024.activity().projectsSubmitted()).isZero();
        assertThat(y2024.activity().projectsApproved()).isEqualTo(1);
        assertThat(y2024.processingTimes().submissionToDecision().median()).isEqualTo(139);
        assertThat(y2024.jobs().realised()).isEqualTo(3);
        assertThat(y2024.jobs().realisedAll()).isEqualTo(6);
    }

    private static BasinFacts facts(List<Document> projects, List<Document> advances, List<Document> money) {
        return new BasinFacts("b", projects, List.of(), List.of(), List.of(), advances, money);
    }

    private static Document movement(String on, String amount) {
        return new Document("on", on).append("amount", new BigDecimal(amount));
    }
}
