package org.alize.project.project;

import static org.alize.project.project.ProjectMother.NOW;
import static org.alize.project.project.ProjectMother.PARTIES;
import static org.alize.project.project.ProjectMother.SESSION_ON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.alize.kernel.BasinCalendar;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.project.cooperation.Instalment;
import org.alize.project.cooperation.RequiredSignature;
import org.alize.project.events.CooperationConventionSigned;
import org.alize.project.events.ProjectDecided;
import org.alize.project.events.ProjectSubmitted;
import org.alize.project.followup.FollowUpReport;
import org.alize.project.followup.Jobs;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.InBasin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProjectTest {

    static final BasinId TEST_BASIN = BasinId.of("valenciennois");

    @RegisterExtension
    static final InBasin VALENCIENNOIS = new InBasin("valenciennois");

    @Test
    void a_project_entered_after_the_fact_publishes_its_submission_date_beside_the_recording_instant() {
        Project project = Project.submit(TEST_BASIN, "p", "2023-004", ProjectMother.submission(),
                new Prescriber("per-x", "X", null), LocalDate.of(2023, 8, 24),
                NOW, "op");

        assertThat(project.raisedEvents()).singleElement().isInstanceOfSatisfying(ProjectSubmitted.class, e -> {
            assertThat(e.submittedOn()).isEqualTo(LocalDate.of(2023, 8, 24));
            assertThat(e.submittedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void a_project_names_its_beneficiary_type_by_priority_and_its_forecast_jobs_R20_R21() {
        Project project = ProjectMother.submitted();

        assertThat(project.dossier().beneficiaryType().priority()).isEqualTo(1);
        assertThat(project.raisedEvents()).singleElement().isInstanceOfSatisfying(ProjectSubmitted.class, e -> {
            assertThat(e.forecastJobs()).isEqualTo(6);
            assertThat(e.supportSchemeIds()).containsExactly("sch-pfil");
        });
        Submission noType = new Submission(ProjectMother.submission().company(),
                ProjectMother.submission().head(), null, null, 3, List.of());
        assertThatThrownBy(() -> Project.submit(TEST_BASIN, "p", "r", noType,
                new Prescriber("x", "X", null), NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                NOW, "op")).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-20"));
        Submission negative = new Submission(ProjectMother.submission().company(),
                ProjectMother.submission().head(), BeneficiaryType.BUSINESS_TAKEOVER, null, -1, List.of());
        assertThatThrownBy(() -> Project.submit(TEST_BASIN, "p", "r", negative,
                new Prescriber("x", "X", null), LocalDate.now(BasinCalendar.ZONE), NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-21"));
    }

    @Test
    void the_prescribers_preliminary_diagnosis_is_needed_before_the_committee_R22() {
        Project project = ProjectMother.submitted();
        project.startDiagnosis(ProjectMother.SUBMITTED_ON, NOW, "op");

        assertThatThrownBy(() -> project.markReady(ProjectMother.SUBMITTED_ON, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-22"));
        Diagnosis bySomeoneElse = new Diagnosis(Diagnosis.Kind.PRELIMINARY, "Autre", "per-autre", null, LocalDate.of(2026, 1, 20),
                "synthèse", null, null, null, new Diagnosis.Scores(3, 3, 3));
        assertThatThrownBy(() -> project.recordDiagnosis(bySomeoneElse, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("Isabelle Roche"));

        project.recordDiagnosis(ProjectMother.preliminary(), NOW, "op");
        project.markReady(ProjectMother.SUBMITTED_ON.plusDays(25), NOW, "op");
        assertThat(project.status()).isEqualTo(ProjectStatus.READY_FOR_COMMITTEE);
    }

    @Test
    void the_selection_scores_go_from_1_to_5_R21() {
        assertThatThrownBy(() -> new Diagnosis.Scores(0, 3, 6)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_postponement_awaiting_a_complementary_diagnosis_goes_back_to_diagnosis_R22_R23() {
        Project project = ProjectMother.ready();

        project.decide(new Decision("ses-1", SESSION_ON, Decision.Outcome.POSTPONED, "Expertise technique nécessaire", null,
                null, null, true, 5, List.of(), List.of()), PARTIES, NOW, "op");

        assertThat(project.status()).isEqualTo(ProjectStatus.IN_DIAGNOSIS);
        assertThatThrownBy(() -> project.markReady(SESSION_ON, NOW, "op")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("diagnostic complémentaire");
        project.recordDiagnosis(new Diagnosis(Diagnosis.Kind.COMPLEMENTARY, "Marc Expert", null, "Cabinet Industrie Nord",
                SESSION_ON.plusDays(15), "Procédé validé", null, null, "agréer", null), NOW, "op");
        project.markReady(SESSION_ON.plusDays(16), NOW, "op");
        assertThat(project.status()).isEqualTo(ProjectStatus.READY_FOR_COMMITTEE);
    }

    @Test
    void an_approval_states_its_means_and_mandatary_R25_R26() {
        Project project = ProjectMother.ready();

        assertThatThrownBy(() -> project.decide(new Decision("s", SESSION_ON, Decision.Outcome.APPROVED, "ok",
                new GrantedMeans(null, null, null, null, null), "per-lefevre", "Thomas", false, 5, List.of(), List.of()), PARTIES, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-26"));
        assertThatThrownBy(() -> project.decide(new Decision("s", SESSION_ON, Decision.Outcome.APPROVED, "ok",
                ProjectMother.means(), null, null, false, 5, List.of(), List.of()), PARTIES, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-25"));

        project.decide(ProjectMother.approval("per-lefevre", "Thomas Lefèvre"), PARTIES, NOW, "op");

        assertThat(project.status()).isEqualTo(ProjectStatus.APPROVED);
        assertThat(project.followUp().missions()).singleElement().satisfies(m -> assertThat(m.valuePlanned()).isEqualByComparingTo("6400"));
        assertThat(project.raisedEvents()).filteredOn(ProjectDecided.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ProjectDecided) e).means().advance().amount()).isEqualByComparingTo("20000"));
    }

    @Test
    void the_signatories_are_derived_from_the_decision_R24() {
        Project withMandatary = ProjectMother.approved();
        Project presidentFollows = ProjectMother.ready();
        presidentFollows.decide(ProjectMother.approval("per-roche", "Isabelle Roche"), PARTIES, NOW, "op");

        assertThat(withMandatary.convention().required()).extracting(RequiredSignature::key)
                .containsExactly("SME_HEAD", "COMMITTEE_PRESIDENT", "SKILLS_PARTNER:org-hrs", "MANDATARY", "OPERATOR");
        assertThat(presidentFollows.convention().required()).extracting(RequiredSignature::key)
                .as("the mandatary signs only if different from the president").doesNotContain("MANDATARY");
    }

    @Test
    void support_starts_only_once_every_party_has_signed_R24() {
        Project project = ProjectMother.approved();
        LocalDate on = SESSION_ON.plusDays(10);
        project.sign("SME_HEAD", "Paul Martin", on, on, NOW, "op");

        assertThatThrownBy(() -> project.deliverSkills(project.followUp().missions().get(0).missionId(), on, 1, null, on, NOW, "op"))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> project.sign("SME_HEAD", "Paul Martin", on, on, NOW, "op")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> project.sign("TREASURER", "X", on, on, NOW, "op")).isInstanceOf(InvalidInput.class);
        for (String key : List.of("COMMITTEE_PRESIDENT", "SKILLS_PARTNER:org-hrs", "MANDATARY")) {
            project.sign(key, "signataire", on, on, NOW, "op");
        }
        assertThat(project.status()).isEqualTo(ProjectStatus.APPROVED);

        project.sign("OPERATOR", "Karim Benali", on, on, NOW, "op");

        assertThat(project.status()).isEqualTo(ProjectStatus.CONVENTION_SIGNED);
        assertThat(project.raisedEvents()).filteredOn(CooperationConventionSigned.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((CooperationConventionSigned) e).signatories()).hasSize(5));
    }

    @Test
    void the_advance_calendar_repays_the_exact_amount_after_the_grace_period_R24() {
        Project project = ProjectMother.signed();
        List<Instalment> calendar = project.convention().schedule();

        assertThat(calendar).hasSize(30);
        assertThat(calendar.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 3, 15).plusMonths(7));
        assertThat(calendar.get(0).amount()).isEqualByComparingTo("666.66");
        assertThat(calendar.get(29).amount()).isEqualByComparingTo("666.86");
        assertThat(calendar.stream().map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("20000.00");
    }

    @Test
    void a_report_is_expected_every_six_months_and_closure_waits_18_months_R25() {
        Project project = ProjectMother.signed();
        LocalDate signedOn = project.convention().signedOn();
        project.startFollowUp(signedOn, NOW, "op");

        assertThat(project.nextReportDue()).contains(signedOn.plusMonths(6));
        assertThat(project.isReportOverdue(signedOn.plusMonths(6).plusDays(1))).isTrue();
        project.fileReport(new FollowUpReport("rep-1", signedOn.plusMonths(5), new Jobs(2, 1, 0, 1, 0), "montée en cadence",
                null, false, null, "Thomas Lefèvre", NOW, "mandataire"), signedOn.plusMonths(5));
        assertThat(project.nextReportDue()).contains(signedOn.plusMonths(11));
        assertThat(project.isReportOverdue(signedOn.plusMonths(7))).isFalse();

        assertThatThrownBy(() -> project.close(signedOn.plusMonths(17), "objectifs atteints", NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-25"));
        project.fileReport(report("rep-2", signedOn.plusMonths(11)), signedOn.plusMonths(11));
        assertThatThrownBy(() -> project.close(signedOn.plusMonths(18), "objectifs atteints", NOW, "op"))
                .as("three reports expected over 18 months, two filed")
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("3 attendus", "2 déposé(s)"));
        project.fileReport(report("rep-3", signedOn.plusMonths(17)), signedOn.plusMonths(17));
        project.close(signedOn.plusMonths(18), "objectifs atteints", NOW, "op");
        assertThat(project.status()).isEqualTo(ProjectStatus.CLOSED);
        assertThat(project.nextReportDue()).isEmpty();
    }

    @Test
    void a_closing_needs_a_report_within_its_last_six_months_R25() {
        Project project = ProjectMother.signed();
        LocalDate signedOn = project.convention().signedOn();
        project.startFollowUp(signedOn, NOW, "op");
        for (int month : new int[] {3, 6, 9}) {
            project.fileReport(report("rep-" + month, signedOn.plusMonths(month)), signedOn.plusMonths(month));
        }

        assertThatThrownBy(() -> project.close(signedOn.plusMonths(20), "objectifs atteints", NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("aucun dans les six derniers mois"));
    }

    @Test
    void only_the_mandatary_or_the_operator_on_their_behalf_files_a_report_and_a_replaced_mandatary_stays_in_the_history_R25() {
        Project project = ProjectMother.signed();
        String mandatary = project.mandate().id();

        assertThatThrownBy(() -> project.requireReporter(false, "per-someone-else"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-25"));
        assertThatThrownBy(() -> project.requireReporter(false, null)).isInstanceOf(RuleViolation.class);
        project.requireReporter(false, mandatary);
        project.requireReporter(true, null);

        project.replaceMandatary("per-caron", "Julie Caron", project.convention().signedOn().plusDays(30), "Départ à la retraite",
                project.convention().signedOn().plusDays(30), NOW, "op");

        assertThat(project.mandate().id()).isEqualTo("per-caron");
        assertThatThrownBy(() -> project.requireReporter(false, mandatary)).as("the former mandatary files no more")
                .isInstanceOf(RuleViolation.class);
        project.requireReporter(false, "per-caron");
        assertThat(project.history()).last().satisfies(t -> assertThat(t.reason()).contains("→ Julie Caron", "Départ à la retraite"));
        assertThatThrownBy(() -> project.replaceMandatary("per-caron", "Julie Caron", project.convention().signedOn().plusDays(31),
                "encore", project.convention().signedOn().plusDays(31), NOW, "op")).isInstanceOf(org.alize.kernel.problem.Conflict.class);
    }

    @Test
    void a_followed_project_whose_mandatary_asks_for_a_new_intervention_is_decided_again_for_skills_only_R25() {
        Project project = ProjectMother.signed();
        LocalDate signedOn = project.convention().signedOn();
        project.startFollowUp(signedOn, NOW, "op");
        assertThat(project.interventionRequested()).isFalse();
        project.fileReport(new FollowUpReport("rep-1", signedOn.plusMonths(4), new Jobs(2, 0, 0, 0, 0), "export", null, true,
                "Appui export", "Thomas Lefèvre", NOW, "mandataire"), signedOn.plusMonths(4));
        assertThat(project.interventionRequested()).isTrue();
        int missions = project.followUp().missions().size();
        GrantedMeans skills = new GrantedMeans(List.of(new GrantedMeans.SkillsGrant("org-hrs", "Hainaut Rail Systèmes", "export",
                4, new BigDecimal("800"))), List.of(), null, null, null);
        GrantedMeans advance = new GrantedMeans(List.of(), List.of(), ProjectMother.means().advance(), null, null);

        assertThatThrownBy(() -> project.decideIntervention(new Decision("ses-2", signedOn.plusMonths(5),
                Decision.Outcome.APPROVED, "aide", advance, null, null, false, 5, List.of(), List.of()), NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-25"));
        project.decideIntervention(new Decision("ses-2", signedOn.plusMonths(5), Decision.Outcome.APPROVED, "appui export",
                skills, null, null, false, 5, List.of(), List.of()), NOW, "op");

        assertThat(project.status()).isEqualTo(ProjectStatus.IN_FOLLOW_UP);
        assertThat(project.followUp().missions()).hasSize(missions + 1);
        assertThat(project.interventionRequested()).isFalse();
        assertThat(project.raisedEvents()).last().isInstanceOfSatisfying(ProjectDecided.class, e -> {
            assertThat(e.newIntervention()).isTrue();
            assertThat(e.means().skillsMissions()).singleElement().satisfies(m ->
                    assertThat(m.missionId()).isEqualTo(project.followUp().missions().get(missions).missionId()));
        });
        assertThatThrownBy(() -> project.decideIntervention(new Decision("ses-3", signedOn.plusMonths(6),
                Decision.Outcome.APPROVED, "encore", skills, null, null, false, 5, List.of(), List.of()), NOW, "op"))
                .isInstanceOf(org.alize.kernel.problem.Conflict.class);
    }

    @Test
    void an_sme_of_more_than_three_years_is_the_programmes_public_the_day_after_its_third_anniversary_R28() {
        Company created = new Company("Forge", null, null, LocalDate.of(2023, 3, 10), 12, "Anzin");
        Company leap = new Company("Verrerie", null, null, LocalDate.of(2020, 2, 29), 30, "Denain");
        Company unknown = new Company("Atelier", null, null, null, 3, "Marly");

        assertThat(created.inTargetPublicOn(LocalDate.of(2026, 3, 10))).contains(false);
        assertThat(created.inTargetPublicOn(LocalDate.of(2026, 3, 11))).contains(true);
        assertThat(created.ageOn(LocalDate.of(2026, 3, 9))).contains(2);
        assertThat(leap.inTargetPublicOn(LocalDate.of(2023, 2, 28))).contains(false);
        assertThat(leap.inTargetPublicOn(LocalDate.of(2023, 3, 1))).contains(true);
        assertThat(unknown.inTargetPublicOn(LocalDate.of(2026, 1, 1))).isEmpty();
        Submission future = new Submission(new Company("Future", null, null, LocalDate.of(2026, 6, 1), 2, "Anzin"),
                ProjectMother.submission().head(), BeneficiaryType.SME_POTENTIAL_CREATION, null, 2, List.of());
        assertThatThrownBy(() -> Project.submit(TEST_BASIN, "p", "r", future,
                new Prescriber("x", "X", null), LocalDate.of(2026, 5, 1), NOW, "op"))
                .as("created after it was submitted").isInstanceOf(org.alize.kernel.problem.InvalidInput.class);
    }

    @Test
    void the_support_window_ends_24_months_after_signing_and_a_longer_follow_up_is_shown_as_overrun_R29() {
        Project project = ProjectMother.signed();
        LocalDate signedOn = project.convention().signedOn();
        project.startFollowUp(signedOn, NOW, "op");

        assertThat(project.followUpDueBy()).contains(signedOn.plusMonths(24));
        assertThat(project.followUpOverrun(signedOn.plusMonths(24))).isFalse();
        assertThat(project.followUpOverrun(signedOn.plusMonths(24).plusDays(1))).isTrue();
        assertThat(ProjectMother.submitted().followUpDueBy()).isEmpty();
    }

    private static FollowUpReport report(String id, LocalDate on) {
        return new FollowUpReport(id, on, new Jobs(2, 1, 0, 1, 0), "montée en cadence", null, false, null, "Thomas Lefèvre", NOW,
                "mandataire");
    }

    @Test
    void lasting_jobs_are_the_cdi_and_the_cdd_of_six_months_or_more_the_others_are_counted_apart_R25() {
        Jobs jobs = new Jobs(2, 3, 4, 1, 1);

        assertThat(jobs.lasting()).isEqualTo(5);
        assertThat(jobs.total()).isEqualTo(11);
        assertThatThrownBy(() -> new Jobs(0, 0, -1, 0, 0)).isInstanceOf(org.alize.kernel.problem.InvalidInput.class);
    }

    @Test
    void skills_missions_are_delivered_within_the_days_granted_R26() {
        Project project = ProjectMother.signed();
        String mission = project.followUp().missions().get(0).missionId();
        LocalDate on = project.convention().signedOn().plusDays(5);

        project.deliverSkills(mission, on, 5, "audit de la ligne", on, NOW, "op");

        assertThat(project.followUp().missions().get(0).valueDelivered()).isEqualByComparingTo("4000");
        assertThatThrownBy(() -> project.deliverSkills(mission, on, 4, null, on, NOW, "op")).isInstanceOf(Conflict.class)
                .hasMessageContaining("5 des 8 jours");
    }

    @Test
    void an_illegal_transition_is_409_naming_the_allowed_actions_and_the_holder_may_withdraw_at_any_open_step() {
        Project project = ProjectMother.submitted();

        assertThatThrownBy(() -> project.markReady(LocalDate.now(BasinCalendar.ZONE), NOW, "op")).isInstanceOfSatisfying(Conflict.class,
                e -> assertThat(e.properties().get("allowedActions")).isEqualTo(List.of("start-diagnosis", "withdraw")));
        project.withdraw(LocalDate.of(2026, 2, 1), "le dirigeant renonce", NOW, "op");
        assertThat(project.status().isOpen()).isFalse();
        assertThatThrownBy(() -> project.withdraw(LocalDate.of(2026, 2, 1), "encore", NOW, "op")).isInstanceOf(Conflict.class);
    }
}
