package org.alize.project.project;

import static org.alize.project.project.ProjectMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.project.events.CooperationConventionSigned;
import org.alize.project.events.FollowUpReportFiled;
import org.alize.project.events.ProjectDecided;
import org.alize.project.events.ProjectStatusChanged;
import org.alize.project.events.ProjectSubmitted;
import org.alize.project.followup.Jobs;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.InBasin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A project of the basin's past taken up from its records: its real dates, and only what can have happened. */
class PastProjectTest {

    static final BasinId BASIN = BasinId.of("valenciennois");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final LocalDate SUBMITTED = LocalDate.of(2019, 1, 15);
    static final LocalDate DECIDED = LocalDate.of(2019, 3, 12);
    static final LocalDate SIGNED = LocalDate.of(2019, 7, 1);

    @RegisterExtension
    static final InBasin VALENCIENNOIS = new InBasin("valenciennois");

    private static Project past(PastDecision decision) {
        return Project.recordPast(BASIN, "prj-1", "2019-001", "HAI-2019-004", ProjectMother.submission(),
                new Prescriber("per-roche", "Isabelle Roche", "org-hrs"), SUBMITTED, decision, TODAY, NOW, "op");
    }

    private static PastDecision approved(PastDecision.End end, LocalDate endedOn, String reason, Jobs jobs) {
        return new PastDecision(DECIDED, Decision.Outcome.APPROVED, "Marché porteur", "PV du 12/03/2019", "per-lefevre",
                "Thomas Lefèvre", SIGNED, end, endedOn, reason, jobs);
    }

    @Test
    void a_past_project_lands_on_its_real_dates_with_the_live_paths_events_R23_R24_R25() {
        Project project = past(approved(PastDecision.End.CLOSED, LocalDate.of(2021, 3, 1), null, new Jobs(4, 2, 0, 0, 1)));

        assertThat(project.status()).isEqualTo(ProjectStatus.CLOSED);
        assertThat(project.formerReference()).isEqualTo("HAI-2019-004");
        assertThat(project.submittedOn()).isEqualTo(SUBMITTED);
        assertThat(project.convention().signedOn()).isEqualTo(SIGNED);
        assertThat(project.followUpDueBy()).contains(LocalDate.of(2021, 7, 1));
        assertThat(project.mandate().id()).isEqualTo("per-lefevre");
        assertThat(project.raisedEvents()).hasOnlyElementsOfTypes(ProjectSubmitted.class, ProjectDecided.class,
                ProjectStatusChanged.class, CooperationConventionSigned.class, FollowUpReportFiled.class);
        assertThat(project.raisedEvents()).filteredOn(ProjectDecided.class::isInstance).singleElement()
                .isInstanceOfSatisfying(ProjectDecided.class, d -> {
                    assertThat(d.decidedOn()).isEqualTo(DECIDED);
                    assertThat(d.sessionId()).isEqualTo("historique-prj-1");
                    assertThat(d.voters()).isZero();
                    assertThat(d.means()).isNull();
                });
        assertThat(project.raisedEvents()).filteredOn(ProjectStatusChanged.class::isInstance)
                .extracting(e -> ((ProjectStatusChanged) e).status() + "@" + ((ProjectStatusChanged) e).changedOn())
                .containsExactly("APPROVED@2019-03-12", "CONVENTION_SIGNED@2019-07-01", "IN_FOLLOW_UP@2019-07-01",
                        "CLOSED@2021-03-01");
        assertThat(project.raisedEvents()).filteredOn(CooperationConventionSigned.class::isInstance).singleElement()
                .isInstanceOfSatisfying(CooperationConventionSigned.class, c -> assertThat(c.advance()).isNull());
        assertThat(project.followUp().reports()).singleElement().satisfies(r -> {
            assertThat(r.reportedOn()).isEqualTo(LocalDate.of(2021, 3, 1));
            assertThat(r.jobsToDate().lasting()).isEqualTo(6);
        });
    }

    @Test
    void a_rejected_past_project_ends_at_its_decision_R23() {
        Project project = past(new PastDecision(DECIDED, Decision.Outcome.REJECTED, "Plan de financement non bouclé",
                "PV du 12/03/2019", null, null, null, null, null, null, null));

        assertThat(project.status()).isEqualTo(ProjectStatus.REJECTED);
        assertThat(project.convention()).isNull();
    }

    @Test
    void a_past_decision_is_motivated_and_read_from_minutes_R23() {
        assertThatThrownBy(() -> past(new PastDecision(DECIDED, Decision.Outcome.REJECTED, " ", "PV", null, null, null,
                null, null, null, null))).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-23"));
        assertThatThrownBy(() -> past(new PastDecision(DECIDED, Decision.Outcome.REJECTED, "Motif", null, null, null, null,
                null, null, null, null))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> past(new PastDecision(DECIDED, Decision.Outcome.POSTPONED, "Motif", "PV", null, null, null,
                null, null, null, null))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_past_approval_names_its_mandatary_R25_and_its_signature_R24() {
        assertThatThrownBy(() -> past(new PastDecision(DECIDED, Decision.Outcome.APPROVED, "Motif", "PV", null, null,
                SIGNED, null, null, null, null))).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-25"));
        assertThatThrownBy(() -> past(new PastDecision(DECIDED, Decision.Outcome.APPROVED, "Motif", "PV", "per-lefevre",
                "Thomas Lefèvre", null, null, null, null, null))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> past(new PastDecision(DECIDED, Decision.Outcome.APPROVED, "Motif", "PV", "per-lefevre",
                "Thomas Lefèvre", DECIDED.minusDays(1), null, null, null, null))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_past_follow_up_closes_no_sooner_than_18_months_after_signing_R25() {
        assertThatThrownBy(() -> past(approved(PastDecision.End.CLOSED, SIGNED.plusMonths(10), null, null)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-25")).hasMessageContaining("2021-01-01");
        Project abandoned = past(approved(PastDecision.End.ABANDONED, SIGNED.plusMonths(10), "Liquidation de la PME", null));
        assertThat(abandoned.status()).isEqualTo(ProjectStatus.ABANDONED);
        assertThatThrownBy(() -> past(approved(PastDecision.End.ABANDONED, SIGNED.plusMonths(10), null, null)))
                .isInstanceOf(InvalidInput.class);
        Project followed = past(approved(null, null, null, null));
        assertThat(followed.status()).isEqualTo(ProjectStatus.IN_FOLLOW_UP);
        assertThatThrownBy(() -> past(approved(null, null, null, new Jobs(1, 0, 0, 0, 0))))
                .as("a project still followed reports its jobs through the mandatary").isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_past_project_lies_between_1995_and_today() {
        assertThatThrownBy(() -> Project.recordPast(BASIN, "prj-1", "1990-001", "X", ProjectMother.submission(),
                new Prescriber("per-roche", "Isabelle Roche", "org-hrs"), LocalDate.of(1990, 1, 1),
                new PastDecision(LocalDate.of(1990, 2, 1), Decision.Outcome.REJECTED, "Motif", "PV", null, null, null,
                        null, null, null, null), TODAY, NOW, "op")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> past(new PastDecision(TODAY.plusDays(1), Decision.Outcome.REJECTED, "Motif", "PV", null,
                null, null, null, null, null, null))).isInstanceOf(InvalidInput.class);
    }
}
