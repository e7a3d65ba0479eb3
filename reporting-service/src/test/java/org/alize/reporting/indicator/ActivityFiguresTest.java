package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.FactsFixture.Project.project;
import static org.alize.reporting.indicator.FactsFixture.basin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.alize.reporting.indicator.ProjectFact.DecisionFact;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The committee's and the network's activity, each function fed by typed facts. */
class ActivityFiguresTest {

    private static final Span Y2025 = Span.year(2025);
    private static final LocalDate TODAY = LocalDate.of(2025, 12, 1);

    @Test
    @DisplayName("R-41: sessions held and validated in the span; a project examined once however many decisions it had")
    void sessions_and_projects_examined_R41() {
        BasinFacts facts = basin().session("2025-02-01", "2025-02-10").session("2025-06-01", null)
                .session("2024-12-31", "2025-01-05")
                .project(project("p1").submitted("2024-11-02", 3).decided("2025-03-01", DecisionFact.POSTPONED)
                        .approved("2025-06-01", 0, null).fact())
                .project(project("p2").submitted("2025-04-01", 2).decided("2025-06-01", DecisionFact.REJECTED).fact())
                .project(project("p3").submitted("2025-01-10", 4).approved("2024-06-01", 0, null)
                        .intervention("2025-09-01", 2, null).fact())
                .facts();

        YearIndicators.Activity activity = ActivityFigures.activity(facts, Y2025, TODAY, Optional.empty());

        assertThat(activity.sessionsHeld()).isEqualTo(2);
        assertThat(activity.sessionsValidated()).isEqualTo(1);
        assertThat(activity.projectsSubmitted()).isEqualTo(2);
        assertThat(activity.projectsExamined()).as("p1 and p2; p3's new intervention is not an examination").isEqualTo(2);
        assertThat(activity.projectsApproved()).isEqualTo(1);
        assertThat(activity.projectsPostponed()).isEqualTo(1);
        assertThat(activity.projectsRejected()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-41: a convention's own objective replaces the programme's reference only where it states one")
    void objectives_R41() {
        ConventionFact own = new ConventionFact("c", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), Map.of(), 0, 0, 0, 4, 0,
                10, 0);
        YearIndicators.Activity activity = ActivityFigures.activity(basin().facts(), Y2025, TODAY, Optional.of(own));

        assertThat(activity.sessionsMin()).isEqualTo(4);
        assertThat(activity.sessionsMax()).as("not stated: the reference").isEqualTo(10);
        assertThat(activity.projectsExaminedReference()).isEqualTo(10);
        assertThat(activity.projectsApprovedReference()).isEqualTo(12);
    }

    @Test
    @DisplayName("R-25: a report is overdue six months after the last one (or the signature), only for a project followed")
    void reports_overdue_R25() {
        ProjectFact late = project("late").signed("2025-01-15").reported("2025-05-20", 2, 1).fact();
        ProjectFact onTime = project("ok").signed("2025-01-15").reported("2025-06-02", 2, 1).fact();
        ProjectFact neverReported = project("never").signed("2025-05-31").fact();
        ProjectFact closed = project("closed").signed("2024-01-15").status("CLOSED").fact();

        assertThat(ActivityFigures.reportOverdue(late, TODAY)).isTrue();
        assertThat(ActivityFigures.reportOverdue(onTime, TODAY)).isFalse();
        assertThat(ActivityFigures.reportOverdue(neverReported, TODAY)).isTrue();
        assertThat(ActivityFigures.reportOverdue(closed, TODAY)).isFalse();
        BasinFacts facts = basin().project(late).project(onTime).facts();
        assertThat(ActivityFigures.activity(facts, Y2025, TODAY, Optional.empty()).followUpReportsOverdue()).isEqualTo(1);
        assertThat(ActivityFigures.activity(facts, Span.year(2024), TODAY, Optional.empty()).followUpReportsOverdue())
                .as("only the span that holds today counts what is overdue today").isZero();
    }

    @Test
    @DisplayName("R-42: days to the first decision, from approval to signature, from signature to the first disbursement")
    void processing_times_R42() {
        BasinFacts facts = basin()
                .project(project("a").submitted("2025-01-01", 3).decided("2025-01-21", DecisionFact.POSTPONED)
                        .approved("2025-02-20", 0, null).signed("2025-03-02").disbursed("2025-03-22").disbursed("2025-03-12").fact())
                .project(project("late-entry").submitted("2025-05-01", 3).approved("2025-04-01", 0, null).fact())
                .facts();

        YearIndicators.ProcessingTimes times = ActivityFigures.processingTimes(facts, Y2025);

        assertThat(times.submissionToDecision().median()).as("to the first decision, the postponement").isEqualTo(20);
        assertThat(times.submissionToDecision().count()).as("a file recorded after its decision is left out").isEqualTo(1);
        assertThat(times.decisionToSignature().median()).isEqualTo(10);
        assertThat(times.signatureToDisbursement().median()).as("to the first disbursement").isEqualTo(10);
        assertThat(ActivityFigures.processingTimes(facts, Span.year(2024)).submissionToDecision().count()).isZero();
    }

    @Test
    @DisplayName("R-40: « Vie du réseau » meetings of the span against three, national events apart, those attended")
    void network_meetings_R40() {
        BasinFacts facts = basin().meeting("2025-03-10", "LIFE_OF_NETWORK", true).meeting("2025-06-12", "LIFE_OF_NETWORK", false)
                .meeting("2025-11-20", MeetingFact.NATIONAL_EVENT, true).meeting("2026-01-02", "LIFE_OF_NETWORK", true).facts();

        YearIndicators.Network network = ActivityFigures.network(facts, Y2025);

        assertThat(network.meetingsHeld()).isEqualTo(2);
        assertThat(network.nationalEvents()).isEqualTo(1);
        assertThat(network.meetingsAttended()).isEqualTo(1);
        assertThat(network.meetingsReference()).isEqualTo(3);
    }
}
