package org.alize.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.alize.messaging.ReceivedEvent;
import org.alize.reporting.intake.IndicatorProjector;
import org.alize.tenancy.BasinId;
import org.alize.testing.ApiClient;
import org.alize.testing.BasinEndpoints;
import org.alize.testing.TestIssuer;
import org.alize.testing.WithAlizeInfra;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Indicators computed by hand from small event sequences, applied straight to the projector (the Kafka path
 * is {@link ReportingIntakeIT}'s): each expected figure is worked out in the comments.
 */
@WithAlizeInfra
@SpringBootTest(classes = ReportingServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IndicatorsIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;
    @Autowired
    IndicatorProjector projector;
    @Autowired
    org.alize.reporting.indicator.Generations generations;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private ApiClient operatorOf(String basin) {
        return ApiClient.on(port).as(TestIssuer.shared().token("op-" + basin).basin(basin, "OPERATOR").sign());
    }

    private ApiClient astrees() {
        return ApiClient.on(port).as(TestIssuer.shared().token("astrees").networkRoles("NETWORK_ADMIN").sign());
    }

    private JsonNode detail(String basin, int year) {
        ApiClient.Response response = operatorOf(basin).get("/api/basins/" + basin + "/indicators?year=" + year);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("detail");
    }

    private static JsonNode withoutCurrency(JsonNode detail) {
        ObjectNode copy = (ObjectNode) detail.deepCopy();
        copy.remove("currentAsOf");
        copy.remove("eventsApplied");
        return copy;
    }

    private static BigDecimal amount(JsonNode node) {
        return node.decimalValue();
    }

    @Test
    @DisplayName("R-41 R-13 R-14 R-26: a year's activity, jobs, skills, means granted by kind, resources and delays, unchanged by duplicates and a replay")
    void activity_jobs_and_resources_R41_R13_R14() {
        Story story = new Story("rep-a", projector).registered("Bassin A")
                // 4 pledges of 30 skills days: 120 days over three years, 40 a year; resources 1 000 000 €
                .convention("conv-a", LocalDate.of(2025, 1, 1), "COMPANIES", "400000.00", "TERRITORIAL_ACTORS", "200000.00",
                        "LOCAL_AUTHORITIES", "250000.00", "STATE_AND_CDC", "150000.00")
                .session("s0", LocalDate.of(2024, 12, 1), true)
                .session("s1", LocalDate.of(2025, 3, 10), true)
                .session("s2", LocalDate.of(2025, 6, 10), false)
                .submitted("p1", LocalDate.of(2025, 1, 15), 5)
                .submitted("p2", LocalDate.of(2025, 2, 1), 3)
                .submitted("p3", LocalDate.of(2025, 5, 1), 4)
                .decided("p1", "s1", LocalDate.of(2025, 3, 10), "APPROVED", 5, "15000.00")
                .decided("p2", "s1", LocalDate.of(2025, 3, 10), "POSTPONED", 3, "0")
                .decided("p2", "s2", LocalDate.of(2025, 6, 10), "APPROVED", 3, "10000.00")
                .decided("p3", "s2", LocalDate.of(2025, 6, 10), "REJECTED", 4, "0")
                .signed("p1", LocalDate.of(2025, 4, 9))
                .delivered("p1", LocalDate.of(2025, 5, 1), 3, "1500.00")
                .reported("p1", "r1", LocalDate.of(2025, 10, 1), 2)
                .reported("p1", "r2", LocalDate.of(2026, 3, 1), 4);
        story.apply("ProjectDecided", story.applied().get(10).payload());

        JsonNode y = detail("rep-a", 2025);
        JsonNode activity = y.get("activity");
        assertThat(activity.get("sessionsHeld").asInt()).isEqualTo(2);
        assertThat(activity.get("sessionsValidated").asInt()).isEqualTo(1);
        assertThat(activity.get("projectsSubmitted").asInt()).isEqualTo(3);
        assertThat(activity.get("projectsExamined").asInt()).isEqualTo(3);
        assertThat(activity.get("projectsApproved").asInt()).isEqualTo(2);
        assertThat(activity.get("projectsRejected").asInt()).isEqualTo(1);
        assertThat(activity.get("projectsPostponed").asInt()).isEqualTo(1);
        assertThat(activity.get("sessionsMin").asInt()).isEqualTo(6);
        assertThat(activity.get("projectsApprovedReference").asInt()).isEqualTo(12);
        // approvals forecast 5 + 3 jobs; the reports say 2 jobs by the end of 2025, 4 by March 2026
        assertThat(y.get("jobs").get("forecast").asInt()).isEqualTo(8);
        assertThat(y.get("jobs").get("realised").asInt()).isEqualTo(2);
        assertThat(y.get("jobs").get("reference").asInt()).isEqualTo(75);
        assertThat(detail("rep-a", 2026).get("jobs").get("realised").asInt()).isEqualTo(2);
        // skills: 40 days pledged a year, 2 × 5 contracted, 3 delivered worth 1 500 €
        assertThat(y.get("skills").get("daysPledged").asInt()).isEqualTo(40);
        assertThat(y.get("skills").get("daysContracted").asInt()).isEqualTo(10);
        assertThat(y.get("skills").get("daysDelivered").asInt()).isEqualTo(3);
        assertThat(amount(y.get("skills").get("valueDelivered"))).isEqualByComparingTo("1500.00");
        assertThat(amount(y.get("meansGranted").get("advances"))).isEqualByComparingTo("25000.00");
        assertThat(amount(y.get("meansGranted").get("skills"))).isEqualByComparingTo("5000.00");
        assertThat(amount(y.get("meansGranted").get("inKind"))).isEqualByComparingTo("2000.00");
        // R-13: 1 000 000 € against 900 000 €, in the reference profile exactly
        JsonNode resources = y.get("resources");
        assertThat(amount(resources.get("total"))).isEqualByComparingTo("1000000.00");
        assertThat(amount(resources.get("referenceTotal"))).isEqualByComparingTo("900000.00");
        assertThat(amount(resources.get("sharePercent").get("COMPANIES"))).isEqualByComparingTo("40.0");
        assertThat(amount(resources.get("sharePercent").get("STATE_AND_CDC"))).isEqualByComparingTo("15.0");
        // R-14: project support = advances 25 000 + in kind 2 000 + skills delivered 1 500
        assertThat(amount(y.get("spending").get("projectSupport"))).isEqualByComparingTo("28500.00");
        assertThat(amount(y.get("spending").get("projectSupportReference"))).isEqualByComparingTo("210000.00");
        // submission → first decision: 54, 37 and 40 days; median 40, p90 54; approval → signature 30 days
        JsonNode times = y.get("processingTimes");
        assertThat(times.get("submissionToDecision").get("median").asInt()).isEqualTo(40);
        assertThat(times.get("submissionToDecision").get("p90").asInt()).isEqualTo(54);
        assertThat(times.get("decisionToSignature").get("median").asInt()).isEqualTo(30);

        JsonNode before = withoutCurrency(y);
        story.replay();
        assertThat(withoutCurrency(detail("rep-a", 2025))).isEqualTo(before);

        // the convention period counts the days of its own term: 2 approvals so far, in its second convention year
        JsonNode periods = operatorOf("rep-a").get("/api/basins/rep-a/indicators/conventions").json();
        assertThat(periods.get("currentAsOf").get("lastEventId").asString()).startsWith("rep-a-");
        JsonNode period = periods.get("periods").get(0);
        assertThat(period.get("conventionId").asString()).isEqualTo("conv-a");
        assertThat(period.get("yearsCovered").asInt()).isEqualTo(2);
        assertThat(period.get("values").get("projectsApproved").decimalValue()).isEqualByComparingTo("2");
        assertThat(period.get("references").get("jobsForecast").decimalValue()).isEqualByComparingTo("225");
        // R-41: three times the annual reference (12) over the convention, not one per calendar year touched so far
        assertThat(period.get("references").get("projectsApproved").decimalValue()).isEqualByComparingTo("36");
    }

    @Test
    @DisplayName("R-41: a file recorded after its decision (history entered a posteriori) does not count in the delays")
    void delays_ignore_files_recorded_after_their_decision_R41() {
        new Story("rep-t", projector).registered("Bassin T")
                .session("st", LocalDate.of(2025, 3, 1), true)
                .submitted("p1", LocalDate.of(2025, 1, 1), 2)
                .submitted("p2", LocalDate.of(2025, 5, 1), 2)
                .decided("p1", "st", LocalDate.of(2025, 1, 31), "REJECTED", 2, "0")
                .decided("p2", "st", LocalDate.of(2025, 3, 1), "REJECTED", 2, "0");
        JsonNode delays = detail("rep-t", 2025).get("processingTimes").get("submissionToDecision");
        assertThat(delays.get("count").asInt()).isEqualTo(1);
        assertThat(delays.get("median").asInt()).isEqualTo(30);
    }

    @Test
    @DisplayName("R-30: advances lent, repaid net of a reversal, written off, outstanding, in arrears; loss rate and fund balance")
    void advance_fund_R30() {
        Story story = new Story("rep-f", projector).registered("Bassin F")
                .contribution("k1", "ADVANCE_FUND", LocalDate.of(2025, 1, 5), "100000.00")
                .contribution("k2", "OPERATING_ACCOUNT", LocalDate.of(2025, 1, 5), "50000.00")
                .advance("p1", "12000.00", LocalDate.of(2025, 3, 1), 12, "1000.00")
                .disbursed("p1", "d1", LocalDate.of(2025, 2, 1), "12000.00")
                .repaid("p1", "r1", LocalDate.of(2025, 3, 1), "1000.00")
                .repaid("p1", "r2", LocalDate.of(2025, 4, 1), "1000.00")
                .repaid("p1", "r3", LocalDate.of(2025, 5, 1), "1000.00")
                .reversed("p1", "r3", LocalDate.of(2025, 5, 20), "1000.00")
                .advance("p2", "10000.00", LocalDate.of(2025, 6, 1), 10, "1000.00")
                .disbursed("p2", "d2", LocalDate.of(2025, 5, 1), "10000.00")
                .writtenOff("p2", "w1", LocalDate.of(2025, 9, 1), "10000.00");
        story.replay();

        JsonNode fund = detail("rep-f", 2025).get("fund");
        assertThat(amount(fund.get("lent"))).isEqualByComparingTo("22000.00");
        assertThat(amount(fund.get("repaid"))).isEqualByComparingTo("2000.00");
        assertThat(amount(fund.get("writtenOff"))).isEqualByComparingTo("10000.00");
        // p1 owes 12 000 − 2 000; ten instalments fell due by 31 December, two were paid: 8 000 € late
        assertThat(amount(fund.get("outstanding"))).isEqualByComparingTo("10000.00");
        assertThat(amount(fund.get("inArrears"))).isEqualByComparingTo("8000.00");
        assertThat(fund.get("advancesInArrears").asInt()).isEqualTo(1);
        // 10 000 written off out of 22 000 lent: 45.5 % against 6 %
        assertThat(amount(fund.get("lossRatePercent"))).isEqualByComparingTo("45.5");
        assertThat(amount(fund.get("lossRateReference"))).isEqualByComparingTo("6.0");
        // the fund: 100 000 contributed − 22 000 lent + 2 000 repaid; the operating account is not the fund
        assertThat(amount(fund.get("balance"))).isEqualByComparingTo("80000.00");
        assertThat(amount(fund.get("criticalMin"))).isEqualByComparingTo("400000.00");
        // R-30: the fund's size is its cash and what it has lent out, 80 000 + 10 000
        assertThat(amount(fund.get("size"))).isEqualByComparingTo("90000.00");
        assertThat(amount(fund.get("netLossRatePercent"))).as("nothing recovered yet").isEqualByComparingTo("45.5");
    }

    @Test
    @DisplayName("R-25 R-41: lasting jobs (CDI, CDD of six months or more) are weighed against 75; every job is shown beside")
    void lasting_jobs_against_the_reference_the_others_beside_R25_R41() {
        Story story = new Story("rep-j", projector).registered("Bassin J")
                .submitted("p1", LocalDate.of(2025, 1, 10), 8)
                .submitted("p2", LocalDate.of(2025, 1, 12), 4)
                .session("s1", LocalDate.of(2025, 2, 1), true)
                .decided("p1", "s1", LocalDate.of(2025, 2, 1), "APPROVED", 8, "0")
                .decided("p2", "s1", LocalDate.of(2025, 2, 1), "APPROVED", 4, "0")
                .signed("p1", LocalDate.of(2025, 3, 1))
                .signed("p2", LocalDate.of(2025, 3, 1))
                .reported("p1", "r1", LocalDate.of(2025, 6, 1), 2, 3, 1, 1)
                .reported("p2", "r2", LocalDate.of(2025, 9, 1), 1, 0, 2, 0);
        story.replay();

        JsonNode jobs = detail("rep-j", 2025).get("jobs");
        assertThat(jobs.get("realised").asInt()).as("2 CDI + 3 long CDD, then 1 CDI").isEqualTo(6);
        assertThat(jobs.get("realisedAll").asInt()).as("shorter CDD and apprentices too").isEqualTo(10);
        assertThat(jobs.get("reference").asInt()).isEqualTo(75);
    }

    @Test
    @DisplayName("R-30: the loss rate is shown gross and net of what was recovered after a write-off")
    void loss_rate_gross_and_net_of_recoveries_R30() {
        Story story = new Story("rep-r", projector).registered("Bassin R")
                .contribution("k1", "ADVANCE_FUND", LocalDate.of(2025, 1, 5), "100000.00")
                .advance("p1", "20000.00", LocalDate.of(2025, 3, 1), 10, "2000.00")
                .disbursed("p1", "d1", LocalDate.of(2025, 2, 1), "20000.00")
                .writtenOff("p1", "w1", LocalDate.of(2025, 9, 1), "2000.00")
                .recovered("p1", "c1", LocalDate.of(2025, 11, 1), "500.00");
        story.replay();

        JsonNode fund = detail("rep-r", 2025).get("fund");
        // 2 000 written off out of 20 000 lent: 10 % gross; 500 recovered since: 7.5 % net
        assertThat(amount(fund.get("lossRatePercent"))).isEqualByComparingTo("10.0");
        assertThat(amount(fund.get("netLossRatePercent"))).isEqualByComparingTo("7.5");
    }

    @Test
    @DisplayName("R-14 R-40: operating spending by category and network meetings against three a year")
    void spending_and_network_meetings_R14_R40() {
        new Story("rep-s", projector).registered("Bassin S")
                .expense("e1", "LOCAL_ENGINEERING", LocalDate.of(2025, 2, 1), "40000.00")
                .expense("e2", "LOCAL_ENGINEERING", LocalDate.of(2024, 2, 1), "5000.00")
                .expense("e3", "OPERATOR_REIMBURSEMENT", LocalDate.of(2025, 6, 1), "8000.00")
                .meeting("m1", "NETWORK_LIFE", LocalDate.of(2025, 2, 1), true)
                .meeting("m2", "NETWORK_LIFE", LocalDate.of(2025, 6, 1), false)
                .meeting("m3", "NATIONAL_EVENT", LocalDate.of(2025, 10, 1), true)
                .meeting("m4", "NETWORK_LIFE", LocalDate.of(2024, 10, 1), true);

        JsonNode y = detail("rep-s", 2025);
        assertThat(amount(y.get("spending").get("localEngineering"))).isEqualByComparingTo("40000.00");
        assertThat(amount(y.get("spending").get("localEngineeringReference"))).isEqualByComparingTo("90000.00");
        assertThat(amount(y.get("spending").get("operatorReimbursement"))).isEqualByComparingTo("8000.00");
        assertThat(amount(y.get("spending").get("operatorReimbursementCap"))).isEqualByComparingTo("10000.00");
        assertThat(y.get("network").get("meetingsHeld").asInt()).isEqualTo(2);
        assertThat(y.get("network").get("meetingsReference").asInt()).isEqualTo(3);
        assertThat(y.get("network").get("nationalEvents").asInt()).isEqualTo(1);
        // the operator attended m1 only of the two « Vie du réseau » meetings; the national event is counted apart
        assertThat(y.get("network").get("meetingsAttended").asInt()).isEqualTo(1);
    }

    /**
     * Eight years of one basin's life (2010–2017, apart from the years other tests read), events dated across
     * them, some entered late (a past year's movements last).
     */
    private static Story eightYears(Story story) {
        story.registered("Bassin huit ans").convention("conv-1", LocalDate.of(2010, 7, 1), "COMPANIES", "300000.00")
                .convention("conv-2", LocalDate.of(2013, 7, 1), "COMPANIES", "300000.00");
        for (int year = 2010; year <= 2017; year++) {
            String p = "p" + year;
            story.session("s" + year, LocalDate.of(year, 3, 10), true).submitted(p, LocalDate.of(year, 2, 1), 4)
                    .decided(p, "s" + year, LocalDate.of(year, 3, 10), "APPROVED", 4, "12000.00")
                    .signed(p, LocalDate.of(year, 4, 1)).advance(p, "12000.00", LocalDate.of(year, 6, 1), 12, "1000.00")
                    .disbursed(p, "d" + year, LocalDate.of(year, 4, 20), "12000.00")
                    .contribution("c" + year, "ADVANCE_FUND", LocalDate.of(year, 1, 15), "50000.00")
                    .expense("e" + year, "LOCAL_ENGINEERING", LocalDate.of(year, 9, 1), "20000.00")
                    .reported(p, "r" + year, LocalDate.of(year, 11, 1), 3);
        }
        for (int year = 2010; year <= 2016; year++) {
            story.repaid("p" + year, "rp" + year, LocalDate.of(year + 1, 2, 1), "3000.00");
        }
        story.writtenOff("p2011", "w2011", LocalDate.of(2013, 5, 1), "2000.00")
                .recovered("p2011", "rc2011", LocalDate.of(2014, 5, 1), "500.00")
                .reversed("p2012", "rp2012", LocalDate.of(2013, 3, 1), "3000.00")
                .movementReversed("rev-c2011", "c2011", "CONTRIBUTION", LocalDate.of(2011, 2, 1), "50000.00")
                .repaid("p2010", "late-2010", LocalDate.of(2010, 12, 30), "1000.00");
        return story;
    }

    private ObjectNode comparable(String basin, int year) {
        ObjectNode detail = (ObjectNode) withoutCurrency(detail(basin, year));
        detail.remove(List.of("id", "basinId", "asOf"));
        return detail;
    }

    @Test
    @DisplayName("R-30, R-31, R-41: years recomputed from the earliest date an event writes equal a full recomputation, whatever "
            + "the order the events come in and however often")
    void incremental_years_equal_a_full_recomputation_in_any_order_and_twice_R30_R31_R41() {
        eightYears(new Story("inc-ordered", projector));
        List<ReceivedEvent<?>> shuffled = new ArrayList<>(eightYears(Story.deferred("inc-shuffled", projector)).applied());
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.forEach(projector::apply);
        shuffled.forEach(projector::apply);
        eightYears(Story.deferred("inc-full", projector)).applied().forEach(projector::apply);
        // every year of inc-full recomputed from all its facts, nothing restricted
        projector.conclude(BasinId.of("inc-full"), null, 0, generations.active());

        for (int year = 2010; year <= 2017; year++) {
            ObjectNode full = comparable("inc-full", year);
            assertThat(comparable("inc-ordered", year)).as("in order, year " + year).isEqualTo(full);
            assertThat(comparable("inc-shuffled", year)).as("shuffled and twice, year " + year).isEqualTo(full);
        }
        for (String basin : List.of("inc-ordered", "inc-shuffled")) {
            JsonNode terms = operatorOf(basin).get("/api/basins/" + basin + "/indicators/conventions").json().get("periods");
            JsonNode fullTerms = operatorOf("inc-full").get("/api/basins/inc-full/indicators/conventions").json().get("periods");
            assertThat(terms.size()).isEqualTo(2);
            assertThat(terms).as(basin + ": each convention's term").isEqualTo(fullTerms);
        }
    }

    @Test
    @DisplayName("R-31: a movement reversed in the next year counts in the year of each of the two movements, as the journal does")
    void a_reversal_counts_in_its_own_year_R31() {
        new Story("rep-rev", projector).registered("Bassin R")
                .contribution("c1", "ADVANCE_FUND", LocalDate.of(2025, 3, 1), "30000.00")
                .contribution("c2", "ADVANCE_FUND", LocalDate.of(2025, 3, 2), "30000.00")
                .expense("e1", "OPERATOR_REIMBURSEMENT", LocalDate.of(2025, 12, 20), "4000.00")
                .movementReversed("rev-1", "c2", "CONTRIBUTION", LocalDate.of(2025, 3, 5), "30000.00")
                .movementReversed("rev-2", "e1", "OPERATING_EXPENSE", LocalDate.of(2026, 1, 8), "4000.00");

        assertThat(amount(detail("rep-rev", 2025).get("fund").get("balance"))).isEqualByComparingTo("30000.00");
        assertThat(amount(detail("rep-rev", 2025).get("spending").get("operatorReimbursement"))).isEqualByComparingTo("4000.00");
        assertThat(amount(detail("rep-rev", 2026).get("spending").get("operatorReimbursement"))).isEqualByComparingTo("-4000.00");
    }

    @Test
    @DisplayName("R-42: the network table ranks basins and gives quartiles; a basin sees only its own figures and anonymised quartiles")
    void network_view_ranks_quartiles_and_isolation_R42() throws IOException {
        // in 2019, basins net-1 … net-6 held 1 … 6 sessions; in 2018 only net-1 … net-4 held any
        for (int k = 1; k <= 6; k++) {
            Story story = new Story("net-" + k, projector).registered("Réseau " + k);
            for (int s = 1; s <= k; s++) {
                story.session("s19-" + s, LocalDate.of(2019, 1, 1).plusDays(30L * s), true);
                if (k <= 4) {
                    story.session("s18-" + s, LocalDate.of(2018, 1, 1).plusDays(30L * s), true);
                }
            }
        }
        JsonNode network = astrees().get("/api/network/indicators?year=2019").json();
        assertThat(network.get("basins").asInt()).isEqualTo(6);
        JsonNode sessions = summary(network, "sessionsHeld");
        assertThat(sessions.get("total").decimalValue()).isEqualByComparingTo("21");
        // nearest rank over 1 … 6: q1 = 2, median = 3, q3 = 5
        assertThat(sessions.get("quartiles").get("q1").decimalValue()).isEqualByComparingTo("2");
        assertThat(sessions.get("quartiles").get("median").decimalValue()).isEqualByComparingTo("3");
        assertThat(sessions.get("quartiles").get("q3").decimalValue()).isEqualByComparingTo("5");
        assertThat(row(network, "net-6").get("ranks").get("sessionsHeld").asInt()).isEqualTo(1);
        assertThat(row(network, "net-1").get("ranks").get("sessionsHeld").asInt()).isEqualTo(6);
        assertThat(row(network, "net-1").get("basinName").asString()).isEqualTo("Réseau 1");
        // every basin approved nothing: they all share rank 1
        assertThat(row(network, "net-3").get("ranks").get("projectsApproved").asInt()).isEqualTo(1);

        ApiClient net1 = operatorOf("net-1");
        ApiClient.Response own = net1.get("/api/basins/net-1/indicators?year=2019");
        JsonNode figure = figure(own.json(), "sessionsHeld");
        assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("1");
        assertThat(figure.get("reference").decimalValue()).isEqualByComparingTo("6");
        assertThat(figure.get("network").get("median").decimalValue()).isEqualByComparingTo("3");
        assertThat(figure.get("network").get("basins").asInt()).isEqualTo(6);
        assertThat(own.body()).doesNotContain("net-2", "Réseau 2");
        // four basins are too few: their quartiles would give the others' figures away
        JsonNode few = figure(net1.get("/api/basins/net-1/indicators?year=2018").json(), "sessionsHeld");
        assertThat(few.get("network").get("basins").asInt()).isEqualTo(4);
        assertThat(few.get("network").get("median").isNull()).isTrue();

        assertThat(net1.get("/api/network/indicators?year=2019").status()).isEqualTo(403);
        assertThat(net1.get("/api/network/indicators/series").status()).isEqualTo(403);
        int checked = BasinEndpoints.assertNoneReachable(mappings, Map.of("basinId", "net-2"), java.util.List.of(net1,
                operatorOf("rep-a")), "Réseau 2");
        assertThat(checked).isGreaterThanOrEqualTo(3);

        // the network series adds the years up
        JsonNode series = astrees().get("/api/network/indicators/series").json();
        JsonNode y2019 = java.util.stream.StreamSupport.stream(series.get("years").spliterator(), false)
                .filter(p -> p.get("year").asInt() == 2019).findFirst().orElseThrow();
        assertThat(y2019.get("values").get("sessionsHeld").decimalValue()).isEqualByComparingTo("21");
        assertThat(astrees().get("/api/network/indicators?year=2019").json().get("currentAsOf").get("eventsApplied").asLong())
                .isGreaterThan(0);
    }

    @Test
    @DisplayName("R-42: the network table comes a page at a time, ordered by a figure's rank or by basin, its totals on every page")
    void network_view_pages_its_rows_R42() {
        for (int k = 1; k <= 5; k++) {
            Story story = new Story("pag-" + k, projector).registered("Pages " + k);
            for (int s = 1; s <= k; s++) {
                story.session("s21-" + s, LocalDate.of(2021, 1, 1).plusDays(30L * s), true);
            }
        }
        JsonNode first = astrees().get("/api/network/indicators?year=2021&size=2&sort=sessionsHeld").json();
        assertThat(first.get("basins").asInt()).isEqualTo(5);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.get("sortedBy").asString()).isEqualTo("sessionsHeld");
        assertThat(first.get("rows")).extracting(row -> row.get("basinId").asString()).containsExactly("pag-5", "pag-4");
        assertThat(summary(first, "sessionsHeld").get("total").decimalValue()).isEqualByComparingTo("15");
        JsonNode last = astrees().get("/api/network/indicators?year=2021&size=2&page=2&sort=sessionsHeld").json();
        assertThat(last.get("rows")).extracting(row -> row.get("basinId").asString()).containsExactly("pag-1");
        assertThat(summary(last, "sessionsHeld").get("total").decimalValue()).isEqualByComparingTo("15");
        JsonNode byBasin = astrees().get("/api/network/indicators?year=2021&size=3").json();
        assertThat(byBasin.get("rows")).extracting(row -> row.get("basinId").asString())
                .containsExactly("pag-1", "pag-2", "pag-3");
        assertThat(astrees().get("/api/network/indicators?year=2021&page=9&size=2").json().get("rows")).isEmpty();

        ApiClient.Response unknown = astrees().get("/api/network/indicators?year=2021&sort=nothing");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Tri inconnu");
        assertThat(astrees().get("/api/network/indicators?year=2021&size=201").status()).isEqualTo(400);
        assertThat(astrees().get("/api/network/indicators?year=2021&size=0").status()).isEqualTo(400);
        assertThat(astrees().get("/api/network/indicators?year=2021&page=-1").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("R-42: every view exports as CSV and XLSX with French headers, numbers as numbers and dates as dates")
    void exports_csv_and_xlsx_R42() throws IOException {
        new Story("exp-1", projector).registered("Bassin ; « Export »")
                .convention("conv-x", LocalDate.of(2017, 1, 1), "COMPANIES", "460000.50", "STATE_AND_CDC", "100000.00")
                .session("sx", LocalDate.of(2017, 3, 1), true);
        ApiClient admin = astrees();
        String csv = new String(admin.bytes("/api/network/indicators?year=2017", "text/csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFBassin;Nom;Comités d'agrément tenus");
        assertThat(csv).contains("exp-1;\"Bassin ; « Export »\";1;1;");
        assertThat(csv).contains("560000,50");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                admin.bytes("/api/network/indicators?year=2017", XLSX)))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).startsWith("Comités d'agrément tenus");
            Row basin = sheet.getRow(1);
            assertThat(basin.getCell(0).getStringCellValue()).isEqualTo("exp-1");
            assertThat(basin.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(basin.getCell(2).getNumericCellValue()).isEqualTo(1.0);
            Sheet about = workbook.getSheet("À propos");
            assertThat(about.getRow(1).getCell(0).getStringCellValue()).isEqualTo("À jour au dernier événement du");
            assertThat(DateUtil.isCellDateFormatted(about.getRow(1).getCell(1))).isTrue();
        }
        ApiClient op = operatorOf("exp-1");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                op.bytes("/api/basins/exp-1/indicators/conventions", XLSX)))) {
            Row first = workbook.getSheetAt(0).getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("conv-x");
            assertThat(DateUtil.isCellDateFormatted(first.getCell(1))).isTrue();
            assertThat(first.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2017, 1, 1));
        }
        String own = new String(op.bytes("/api/basins/exp-1/indicators?year=2017", "text/csv"), StandardCharsets.UTF_8);
        assertThat(own).contains("Indicateur;Unité;Valeur;Référence");
        assertThat(new String(op.bytes("/api/basins/exp-1/indicators/series", "text/csv"), StandardCharsets.UTF_8))
                .contains("2017;1;1;");
        // a browser asking for anything gets JSON
        assertThat(op.get("/api/basins/exp-1/indicators?year=2017", "*/*").contentType()).startsWith("application/json");
    }

    @Test
    @DisplayName("R-42, R-13, R-41: the annual reports in PDF print the API's figures, the basin's for its people, the network's for network roles")
    void annual_reports_in_pdf_print_the_apis_figures_R42() throws IOException {
        new Story("pdf-1", projector).registered("Bassin du Rapport")
                .convention("conv-pdf", LocalDate.of(2007, 7, 1), "COMPANIES", "412345.67", "TERRITORIAL_ACTORS", "200000.00",
                        "LOCAL_AUTHORITIES", "250000.00", "STATE_AND_CDC", "150000.00")
                .session("sp1", LocalDate.of(2008, 3, 10), true)
                .submitted("pp1", LocalDate.of(2008, 1, 15), 5)
                .decided("pp1", "sp1", LocalDate.of(2008, 3, 10), "APPROVED", 5, "15000.00")
                .signed("pp1", LocalDate.of(2008, 4, 1))
                .reported("pp1", "rp1", LocalDate.of(2009, 3, 1), 2);
        new Story("pdf-2", projector).registered("Bassin Voisin")
                .convention("conv-pdf2", LocalDate.of(2008, 1, 1), "COMPANIES", "300000.00", "STATE_AND_CDC", "100000.00")
                .session("sv1", LocalDate.of(2008, 5, 10), true);
        ApiClient op = operatorOf("pdf-1");
        JsonNode view = op.get("/api/basins/pdf-1/indicators?year=2008").json();

        byte[] basinPdf = op.bytes("/api/basins/pdf-1/indicators/report?year=2008", "application/pdf");
        // left for a look: what the steering committee receives
        java.nio.file.Files.write(java.nio.file.Path.of("target/rapport-activite-sample.pdf"), basinPdf);
        String basinReport = text(basinPdf);
        assertThat(basinReport).contains("Rapport d'activité 2008 — Bassin du Rapport", "Chiffres clés",
                "Profil des ressources (R-13)", "Méthodes et définitions", "conv-pdf");
        int checked = 0;
        for (JsonNode figure : view.get("figures")) {
            if (figure.get("value").isNull() || figure.get("value").decimalValue().signum() == 0) {
                continue;
            }
            String unit = figure.get("unit").asString();
            BigDecimal value = figure.get("value").decimalValue();
            String written = switch (unit) {
                case "€" -> java.text.NumberFormat.getCurrencyInstance(java.util.Locale.FRANCE).format(value);
                case "%" -> value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " %";
                default -> null;
            };
            if (written != null) {
                assertThat(basinReport).as(figure.get("label").asString()).contains(written.replaceAll("[\\s\\u00A0\\u202F]+", " "));
                checked++;
            }
        }
        assertThat(checked).as("figures in euros and shares compared").isGreaterThanOrEqualTo(6);
        assertThat(basinReport).contains("1 012 345,67 €", "40,7 %");

        ApiClient admin = astrees();
        String networkReport = text(admin.bytes("/api/network/indicators/report?year=2008", "application/pdf"));
        assertThat(networkReport).contains("Rapport annuel du réseau ALIZÉ 2008", "Bassin du Rapport", "Bassin Voisin",
                "1 012 345,67 €", "400 000,00 €", "Médiane", "3e quartile");

        // the 2008 cohort: one project, 5 jobs forecast, the report of 1 March 2009 read at 12 months (10 March 2009)
        JsonNode cohort = op.get("/api/basins/pdf-1/indicators/cohorts").json().get("cohorts").get(0);
        assertThat(cohort.get("year").asInt()).isEqualTo(2008);
        assertThat(cohort.get("projects").asInt()).isEqualTo(1);
        assertThat(cohort.get("forecastJobs").asInt()).isEqualTo(5);
        assertThat(cohort.get("horizons").get(0).get("lastingJobs").asInt()).isEqualTo(2);
        assertThat(cohort.get("notFollowed").asInt()).as("no status received: not followed").isEqualTo(1);
        assertThat(basinReport).contains("Évaluation par cohorte (R-42)", "Cohorte 2008 (1 projets)", "2 sur 5 prévus");
        JsonNode networkCohorts = admin.get("/api/network/indicators/cohorts").json();
        assertThat(networkCohorts.get("scope").asString()).isEqualTo("network");
        assertThat(networkCohorts.get("cohorts").toString()).contains("\"year\":2008");
        assertThat(op.get("/api/network/indicators/cohorts").status()).isEqualTo(403);
        assertThat(operatorOf("pdf-2").get("/api/basins/pdf-1/indicators/cohorts").status()).isEqualTo(404);

        assertThat(operatorOf("pdf-2").get("/api/basins/pdf-1/indicators/report?year=2008", "application/pdf").status())
                .isEqualTo(404);
        assertThat(op.get("/api/network/indicators/report?year=2008", "application/pdf").status()).isEqualTo(403);
        assertThat(op.get("/api/basins/pdf-1/indicators/report?year=1999", "application/pdf").status()).isEqualTo(400);
    }

    /** Every page's text, each run of spaces (no-break ones included) as one space. */
    private static String text(byte[] pdf) throws IOException {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString().replaceAll("[\\s\\u00A0\\u202F]+", " ");
    }

    @Test
    @DisplayName("Bad input: a year out of range is a 400 problem in French, a year without events a 404")
    void bad_input() {
        ApiClient op = operatorOf("rep-s");
        ApiClient.Response bad = op.get("/api/basins/rep-s/indicators?year=1800");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        ApiClient.Response notNumber = op.get("/api/basins/rep-s/indicators?year=deux-mille");
        assertThat(notNumber.status()).isEqualTo(400);
        ApiClient.Response none = operatorOf("nobody").get("/api/basins/nobody/indicators?year=2020");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("detail").asString()).contains("Aucun indicateur");
        assertThat(op.get("/api/basins/rep-s/indicators", "application/pdf").status()).isEqualTo(406);
    }

    private static JsonNode summary(JsonNode network, String key) {
        return find(network.get("figures"), "key", key);
    }

    private static JsonNode figure(JsonNode view, String key) {
        return find(view.get("figures"), "key", key);
    }

    private static JsonNode row(JsonNode network, String basin) {
        return find(network.get("rows"), "basinId", basin);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asString().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " = " + value);
    }
}
