package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.FactsFixture.Project.project;
import static org.alize.reporting.indicator.FactsFixture.basin;
import static org.alize.reporting.indicator.FactsFixture.means;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the projects brought, each function fed by typed facts. */
class ProjectFiguresTest {

    private static final Span Y2025 = Span.year(2025);

    @Test
    @DisplayName("R-41, R-25: jobs forecast by the span's approvals; jobs realised are what the latest report adds over the span")
    void jobs_forecast_and_realised_R41_R25() {
        BasinFacts facts = basin()
                .project(project("a").submitted("2024-10-01", 5).approved("2025-01-10", 0, null).signed("2025-02-01")
                        .reported("2024-12-20", 1, 1).reported("2025-08-01", 4, 3).reported("2026-02-01", 6, 5).fact())
                .project(project("b").submitted("2024-01-01", 9).approved("2024-03-01", 0, null).intervention("2025-05-01", 1, null)
                        .reported("2025-06-01", 2, null).fact())
                .facts();

        YearIndicators.Jobs jobs = ProjectFigures.jobs(facts, Y2025, Optional.empty());

        assertThat(jobs.forecast()).as("b's new intervention is not its approval").isEqualTo(5);
        assertThat(jobs.realised()).as("a: 3 − 1; b: a report before contracts were split counts every job as lasting")
                .isEqualTo(2 + 2);
        assertThat(jobs.realisedAll()).isEqualTo(3 + 2);
        assertThat(jobs.reference()).isEqualTo(75);
        ConventionFact own = new ConventionFact("c", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), Map.of(), 0, 40, 0, 0, 0,
                0, 0);
        assertThat(ProjectFigures.jobs(facts, Y2025, Optional.of(own)).reference()).isEqualTo(40);
    }

    @Test
    @DisplayName("R-24, R-25: skills pledged (a third of the convention's a year), contracted by approvals and interventions, delivered")
    void skills_days_R24_R25() {
        ConventionFact convention = FactsFixture.convention("c", "2025-01-01", "2027-12-31", Map.of(), 90);
        BasinFacts facts = basin()
                .project(project("a").approved("2025-01-10", 8, null).intervention("2025-09-01", 4, null)
                        .delivered("2025-03-01", 2, "1600").delivered("2026-01-05", 1, "800").fact())
                .project(project("b").approved("2024-12-31", 5, null).delivered("2025-02-01", 3, "2400.50").fact())
                .facts();

        YearIndicators.Skills year = ProjectFigures.skills(facts, Y2025, Optional.of(convention), 3);
        YearIndicators.Skills term = ProjectFigures.skills(facts, convention.term(), Optional.of(convention), 1);

        assertThat(year.daysPledged()).isEqualTo(30);
        assertThat(term.daysPledged()).isEqualTo(90);
        assertThat(year.daysContracted()).isEqualTo(12);
        assertThat(year.daysDelivered()).isEqualTo(5);
        assertThat(year.valueDelivered()).isEqualByComparingTo("4000.50");
    }

    @Test
    @DisplayName("R-26: the means the span's approvals granted, by kind, to the cent")
    void means_granted_R26() {
        BasinFacts facts = basin()
                .project(project("a").approved("2025-01-10", 0, means("6400", "0", "20000", "0", "0")).fact())
                .project(project("b").approved("2025-04-10", 0, means("0", "1500.555", "0", "10000", "5000"))
                        .intervention("2025-10-01", 0, means("800", "0", "0", "0", "0")).fact())
                .project(project("c").approved("2024-04-10", 0, means("0", "0", "9999", "0", "0")).fact())
                .facts();

        YearIndicators.Means means = ProjectFigures.means(facts, Y2025);

        assertThat(means.skills()).isEqualByComparingTo("7200.00");
        assertThat(means.inKind()).isEqualTo(FactsFixture.euros("1500.56"));
        assertThat(means.advances()).isEqualByComparingTo("20000");
        assertThat(means.subsidisedLoans()).isEqualByComparingTo("10000");
        assertThat(means.directFinancing()).isEqualByComparingTo("5000");
    }
}
