package org.alize.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.alize.reporting.indicator.AdvanceFact.Instalment;
import org.alize.reporting.indicator.AdvanceFact.Movement;
import org.alize.reporting.indicator.Cohorts.Cohort;
import org.alize.reporting.indicator.ProjectFact.DecisionFact;
import org.alize.reporting.indicator.ProjectFact.Report;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cohorts worked out by hand: every expected figure is explained beside it. */
class CohortsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @Test
    @DisplayName("R-42: a cohort reads lasting jobs at 12, 18 and 24 months only where reached, where its SMEs stand and how its advances went")
    void cohorts_by_year_of_approval_R42() {
        List<ProjectFact> projects = List.of(
                // approved 1 March 2024; 12 months → 1 March 2025: the report of September 2024 (1 lasting job);
                // 18 months → 1 September 2025: that day's report (4); 24 months → 1 March 2026: still 4
                project("p1", "IN_FOLLOW_UP", "2024-03-01", "APPROVED", 5, report("2024-09-01", 1), report("2025-03-15", 3),
                        report("2025-09-01", 4)),
                // approved 10 November 2024, closed; 12 months → 10 November 2025: no report yet (0, reached, not
                // reporting); 18 months → 10 May 2026: 2; 24 months → 10 November 2026: not reached on 30 June 2026
                project("p2", "CLOSED", "2024-11-10", "APPROVED", 3, report("2025-12-01", 2)),
                // approved 1 June 2025, abandoned, never reported: 12 months reached (1 June 2026) with 0 jobs
                project("p3", "ABANDONED", "2025-06-01", "APPROVED", 2),
                // rejected: in no cohort
                project("p4", "REJECTED", "2024-05-01", "REJECTED", 9, report("2025-01-01", 9)));
        List<AdvanceFact> advances = List.of(
                // 10 000 € paid out and repaid in full: repaid
                advance("p1", "10000", "2024-04-15", "2024-06-01", 10, "1000", "10000", null),
                // 6 000 € due January to June 2025, 3 000 € repaid: in arrears
                advance("p2", "6000", "2024-12-01", "2025-01-01", 6, "1000", "3000", null),
                // 4 000 € paid out, 2 000 € written off: written off
                advance("p3", "4000", "2025-07-01", "2025-09-01", 4, "1000", "0", "2000"));

        List<Cohort> cohorts = Cohorts.of(projects, advances, AS_OF);

        assertThat(cohorts).extracting(Cohort::year).containsExactly(2024, 2025);
        Cohort y2024 = cohorts.get(0);
        assertThat(y2024.projects()).isEqualTo(2);
        assertThat(y2024.forecastJobs()).isEqualTo(8);
        assertThat(y2024.horizons()).containsExactly(new Cohorts.Horizon(12, 2, 1, 1), new Cohorts.Horizon(18, 2, 2, 6),
                new Cohorts.Horizon(24, 1, 1, 4));
        assertThat(y2024.lastingJobsToDate()).isEqualTo(6);
        assertThat(List.of(y2024.stillFollowed(), y2024.closed(), y2024.notFollowed())).containsExactly(1, 1, 0);
        assertThat(y2024.advances()).isEqualTo(new Cohorts.Advances(2, new BigDecimal("16000"), new BigDecimal("16000"),
                1, 0, 1, 0));
        // 16 000 € paid out for 6 lasting jobs
        assertThat(y2024.eurosPerLastingJob()).isEqualByComparingTo("2666.67");

        Cohort y2025 = cohorts.get(1);
        assertThat(y2025.horizons()).containsExactly(new Cohorts.Horizon(12, 1, 0, 0), new Cohorts.Horizon(18, 0, 0, 0),
                new Cohorts.Horizon(24, 0, 0, 0));
        assertThat(y2025.notFollowed()).isEqualTo(1);
        assertThat(y2025.advances().writtenOff()).isEqualTo(1);
        assertThat(y2025.eurosPerLastingJob()).as("no lasting job yet: no ratio").isNull();

        // a project approved after the day read is in no cohort yet
        assertThat(Cohorts.of(projects, advances, LocalDate.of(2024, 2, 1))).isEmpty();
    }

    @Test
    @DisplayName("R-42: the network's cohorts add the basins' up, year by year, and divide the sums")
    void network_cohorts_add_up_R42() {
        List<ProjectFact> one = List.of(project("a1", "IN_FOLLOW_UP", "2024-03-01", "APPROVED", 5, report("2025-03-01", 3)));
        List<ProjectFact> two = List.of(project("b1", "IN_FOLLOW_UP", "2024-07-01", "APPROVED", 4, report("2025-01-01", 1)),
                project("b2", "IN_FOLLOW_UP", "2025-07-01", "APPROVED", 1));
        List<AdvanceFact> twoAdvances = List.of(advance("b1", "8000", "2024-08-01", "2024-09-01", 8, "1000", "0", null));
        List<Cohort> all = new ArrayList<>(Cohorts.of(one, List.of(), AS_OF));
        all.addAll(Cohorts.of(two, twoAdvances, AS_OF));

        List<Cohort> network = Cohorts.network(all);

        assertThat(network).extracting(Cohort::year).containsExactly(2024, 2025);
        assertThat(network.get(0).basins()).isEqualTo(2);
        assertThat(network.get(0).projects()).isEqualTo(2);
        assertThat(network.get(0).forecastJobs()).isEqualTo(9);
        assertThat(network.get(0).lastingJobsToDate()).isEqualTo(4);
        // 8 000 € paid out over the two basins' 4 lasting jobs, not the mean of the basins' ratios
        assertThat(network.get(0).eurosPerLastingJob()).isEqualByComparingTo("2000.00");
        assertThat(network.get(0).advances().inArrears()).isEqualTo(1);
        assertThat(network.get(1).basins()).isEqualTo(1);
    }

    private static ProjectFact project(String id, String status, String decidedOn, String outcome, int forecast, Report... reports) {
        return new ProjectFact(id, status, LocalDate.parse(decidedOn).minusMonths(2),
                "APPROVED".equals(outcome) ? LocalDate.parse(decidedOn).plusMonths(1) : null, forecast,
                List.of(new DecisionFact(LocalDate.parse(decidedOn), outcome, false, null, 0)), List.of(), List.of(reports), List.of());
    }

    private static Report report(String on, int lasting) {
        return new Report(LocalDate.parse(on), lasting + 1, lasting);
    }

    private static AdvanceFact advance(String project, String amount, String paidOn, String firstDue, int instalments,
            String instalment, String repaid, String writtenOff) {
        List<Instalment> schedule = new ArrayList<>();
        for (int i = 0; i < instalments; i++) {
            schedule.add(new Instalment(LocalDate.parse(firstDue).plusMonths(i), new BigDecimal(instalment)));
        }
        TreeMap<String, List<Instalment>> schedules = new TreeMap<>(Map.of(AdvanceFact.OPENING_SCHEDULE, schedule));
        List<Movement> repayments = new BigDecimal(repaid).signum() == 0 ? List.of()
                : List.of(new Movement(LocalDate.parse(firstDue).plusMonths(1), new BigDecimal(repaid)));
        List<Movement> writeOffs = writtenOff == null ? List.of() : List.of(new Movement(LocalDate.of(2026, 1, 10), new BigDecimal(writtenOff)));
        return new AdvanceFact(project, new BigDecimal(amount), schedules,
                List.of(new Movement(LocalDate.parse(paidOn), new BigDecimal(amount))), repayments, List.of(), writeOffs, List.of());
    }
}
