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

    @Test
    @DisplayName("R-10, R-41, R-14: a convention from 1 July counts the days of its own term, from its first day to its last, not the calendar years it touches")
    void aConventionFromJulyCountsItsOwnTerm() {
        Document convention = new Document("basinId", "b").append("conventionId", "conv-2023").append("startsOn", "2023-07-01")
                .append("endsOn", "2026-06-30").append("jobsPerYear", 75).append("skillsDaysPledged", 90);
        List<Document> projects = List.of(approved("p1", "2023-06-30"), approved("p2", "2023-07-01"), approved("p3", "2026-06-30"),
                approved("p4", "2026-07-01"));
        List<Document> money = List.of(expense("e1", "2023-06-30", "1000"), expense("e2", "2023-07-01", "2000"),
                expense("e3", "2026-06-30", "4000"), expense("e4", "2026-07-01", "8000"));
        BasinFacts facts = stored(projects, List.of(), List.of(), List.of(convention), List.of(), money);

        YearIndicators term = IndicatorCalculator.computeConvention(facts, ConventionFact.read(convention), TODAY, AS_OF, 8);
        YearIndicators calendar2023 = IndicatorCalculator.compute(facts, 2023, TODAY, AS_OF, 8);

        assertThat(term.id()).isEqualTo("b/conv-2023");
        assertThat(term.activity().projectsApproved()).as("the day of the start and the last day, not the days around")
                .isEqualTo(2);
        assertThat(term.spending().localEngineering()).isEqualByComparingTo("6000");
        assertThat(term.skills().daysPledged()).as("the whole term's pledge").isEqualTo(90);
        assertThat(calendar2023.activity().projectsApproved()).isEqualTo(2);
        assertThat(calendar2023.spending().localEngineering()).isEqualByComparingTo("3000");
        assertThat(calendar2023.skills().daysPledged()).as("a third of it a year").isEqualTo(30);
    }

    @Test
    @DisplayName("R-25, R-26: a new intervention on a project followed grants its skills in its year without approving the project again")
    void aNewInterventionCountsItsMeansNotAnotherApproval() {
        Document project = new Document("basinId", "b").append("projectId", "p1").append("submittedOn", "2024-01-10")
                .append("forecastJobs", 5).append("decisions", new Document("s1", new Document("decidedOn", "2024-03-01")
                        .append("outcome", "APPROVED").append("skillsDays", 8).append("intervention", false))
                        .append("s7", new Document("decidedOn", "2025-05-20").append("outcome", "APPROVED").append("skillsDays", 4)
                                .append("intervention", true)));
        BasinFacts facts = facts(List.of(project), List.of(), List.of());

        YearIndicators y2025 = IndicatorCalculator.compute(facts, 2025, TODAY, AS_OF, 2);

        assertThat(y2025.activity().projectsApproved()).isZero();
        assertThat(y2025.activity().projectsExamined()).isZero();
        assertThat(y2025.jobs().forecast()).isZero();
        assertThat(y2025.skills().daysContracted()).isEqualTo(4);
        assertThat(IndicatorCalculator.compute(facts, 2024, TODAY, AS_OF, 2).activity().projectsApproved()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-14: skills put at the operator's disposal are its defrayal, shown with its money reimbursements")
    void skillsPutAtTheOperatorsDisposalCountAsItsReimbursement() {
        Document money = expense("e1", "2026-03-01", "6000").append("category", "OPERATOR_REIMBURSEMENT");
        Document skills = new Document("basinId", "b").append("kind", "VALUED_SKILLS").append("account", "OPERATOR")
                .append("category", "COMPANIES").append("amount", new BigDecimal("3000")).append("on", "2026-04-01");
        Document others = new Document("basinId", "b").append("kind", "VALUED_SKILLS").append("account", null)
                .append("category", "COMPANIES").append("amount", new BigDecimal("8000")).append("on", "2026-04-01");
        BasinFacts facts = facts(List.of(), List.of(), List.of(money, skills, others));

        assertThat(IndicatorCalculator.compute(facts, 2026, TODAY, AS_OF, 3).spending().operatorReimbursement())
                .isEqualByComparingTo("9000");
    }

    @Test
    @DisplayName("R-41: a convention that states its own objectives is weighed against them; without, the programme's references")
    void aConventionsOwnObjectivesReplaceTheReferences() {
        Document own = new Document("basinId", "b").append("conventionId", "c1").append("startsOn", "2026-01-01")
                .append("endsOn", "2028-12-31").append("sessionsPerYearMin", 4).append("sessionsPerYearMax", 8)
                .append("projectsExaminedPerYear", 10).append("projectsApprovedPerYear", 8).append("jobsPerYear", 40);
        BasinFacts withOwn = stored(List.of(), List.of(), List.of(), List.of(own), List.of(), List.of());
        BasinFacts without = facts(List.of(), List.of(), List.of());

        YearIndicators.Activity activity = IndicatorCalculator.compute(withOwn, 2026, TODAY, AS_OF, 1).activity();
        YearIndicators.Activity reference = IndicatorCalculator.compute(without, 2026, TODAY, AS_OF, 1).activity();

        assertThat(activity.sessionsMin()).isEqualTo(4);
        assertThat(activity.projectsApprovedReference()).isEqualTo(8);
        assertThat(IndicatorCalculator.computeConvention(withOwn, ConventionFact.read(own), TODAY, AS_OF, 1).jobs().reference()).isEqualTo(40);
        assertThat(reference.sessionsMin()).isEqualTo(6);
        assertThat(reference.projectsExaminedReference()).isEqualTo(15);
        assertThat(reference.projectsApprovedReference()).isEqualTo(12);
    }

    @Test
    @DisplayName("R-40: « Vie du réseau » meetings of the year against three, national events apart, those the basin attended")
    void r40_network_meetings() {
        List<Document> meetings = List.of(meeting("2025-03-10", "LIFE_OF_NETWORK", true), meeting("2025-06-12", "LIFE_OF_NETWORK", false),
                meeting("2025-11-20", "NATIONAL_EVENT", true), meeting("2024-12-31", "LIFE_OF_NETWORK", true));
        BasinFacts facts = stored(List.of(), List.of(), meetings, List.of(), List.of(), List.of());

        YearIndicators.Network network = IndicatorCalculator.compute(facts, 2025, TODAY, AS_OF, 4).network();

        assertThat(network.meetingsHeld()).isEqualTo(2);
        assertThat(network.meetingsReference()).isEqualTo(3);
        assertThat(network.nationalEvents()).isEqualTo(1);
        assertThat(network.meetingsAttended()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-13: the convention's resources by category, their shares, beside the 40/20/25/15 and 900 k€ references")
    void r13_resources_of_the_convention_in_force() {
        Document convention = new Document("conventionId", "cp-1").append("startsOn", "2025-01-01").append("endsOn", "2027-12-31")
                .append("categories", new Document("COMPANIES", new Document("total", new BigDecimal("450000")))
                        .append("LOCAL_AUTHORITIES", new Document("total", new BigDecimal("300000")))
                        .append("STATE_AND_CDC", new Document("total", new BigDecimal("150000"))));
        BasinFacts facts = stored(List.of(), List.of(), List.of(), List.of(convention), List.of(), List.of());

        YearIndicators.Resources resources = IndicatorCalculator.compute(facts, 2025, TODAY, AS_OF, 1).resources();

        assertThat(resources.total()).isEqualByComparingTo("900000");
        assertThat(resources.sharePercent()).containsEntry("COMPANIES", new BigDecimal("50.0"))
                .containsEntry("TERRITORIAL_ACTORS", new BigDecimal("0.0")).containsEntry("STATE_AND_CDC", new BigDecimal("16.7"));
        assertThat(resources.referencePercent().get("COMPANIES")).isEqualByComparingTo("40");
        assertThat(resources.referenceTotal()).isEqualByComparingTo("900000");
    }

    @Test
    @DisplayName("R-42: processing times — submission to decision, decision to signature, signature to first disbursement — in days, steps out of order left out")
    void r42_processing_times() {
        Document quick = approved("p1", "2025-02-01").append("submittedOn", "2025-01-02").append("signedOn", "2025-03-03")
                .append("disbursements", new Document("d1", "2025-03-13"));
        Document enteredLate = approved("p2", "2025-04-01").append("submittedOn", "2025-05-01");
        BasinFacts facts = facts(List.of(quick, enteredLate), List.of(), List.of());

        YearIndicators.ProcessingTimes times = IndicatorCalculator.compute(facts, 2025, TODAY, AS_OF, 2).processingTimes();

        assertThat(times.submissionToDecision().median()).isEqualTo(30);
        assertThat(times.submissionToDecision().count()).as("a file recorded after its decision says nothing of the delay").isEqualTo(1);
        assertThat(times.decisionToSignature().median()).isEqualTo(30);
        assertThat(times.signatureToDisbursement().median()).isEqualTo(10);
    }

    private static Document meeting(String on, String kind, boolean operatorPresent) {
        return new Document("heldOn", on).append("kind", kind).append("operatorPresent", operatorPresent);
    }

    private static Document approved(String id, String on) {
        return new Document("basinId", "b").append("projectId", id).append("forecastJobs", 3)
                .append("decisions", new Document("s-" + id, new Document("decidedOn", on).append("outcome", "APPROVED")));
    }

    private static Document expense(String id, String on, String amount) {
        return new Document("basinId", "b").append("kind", "EXPENSE").append("account", "OPERATING_ACCOUNT")
                .append("category", "LOCAL_ENGINEERING").append("amount", new BigDecimal(amount)).append("on", on);
    }

    private static BasinFacts facts(List<Document> projects, List<Document> advances, List<Document> money) {
        return stored(projects, List.of(), List.of(), List.of(), advances, money);
    }

    /** A basin's facts read from documents as the intake stores them. */
    private static BasinFacts stored(List<Document> projects, List<Document> sessions, List<Document> meetings,
            List<Document> conventions, List<Document> advances, List<Document> money) {
        return BasinFacts.readAll("b", java.util.Map.of(Facts.PROJECTS, projects, Facts.SESSIONS, sessions, Facts.MEETINGS,
                meetings, Facts.CONVENTIONS, conventions, Facts.ADVANCES, advances, Facts.MONEY, money));
    }

    private static Document movement(String on, String amount) {
        return new Document("on", on).append("amount", new BigDecimal(amount));
    }
}
