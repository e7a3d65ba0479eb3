package org.alize.project.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.RuleViolation;
import org.alize.project.basin.CommitteeOnDate;
import org.alize.project.basin.Replica;
import org.alize.project.events.CommitteeSessionConvened;
import org.alize.project.events.CommitteeSessionHeld;
import org.alize.project.events.SessionDecisionsValidated;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.InBasin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CommitteeSessionTest {

    static final BasinId TEST_BASIN = BasinId.of("valenciennois");

    @RegisterExtension
    static final InBasin VALENCIENNOIS = new InBasin("valenciennois");

    private static final Instant NOW = Instant.parse("2026-03-05T17:00:00Z");
    private static final LocalDate ON = LocalDate.of(2026, 3, 5);
    private static final LocalDate JAN = LocalDate.of(2025, 1, 1);

    /** Five voting members (quorum 3) and a non-voting relay structure. */
    static CommitteeOnDate committee() {
        List<Replica.Committee.Member> members = List.of(
                member("roche", "Isabelle Roche", "org-hrs", true),
                member("lefevre", "Thomas Lefèvre", "org-verrerie", true),
                member("dubois", "Nadia Dubois", "org-aciers", true),
                member("leroy", "Olivier Leroy", "org-auto", true),
                member("martin", "Claire Martin", null, true),
                member("delattre", "Marc Delattre", "org-cci", false));
        Replica.Committee committee = new Replica.Committee(Replica.Committee.ID, members,
                List.of(new Replica.Committee.Presidency("roche", "Isabelle Roche", JAN, null)), "MAJORITY_OF_VOTING_MEMBERS",
                null, 1);
        return committeeOn(committee, ON);
    }

    private static Replica.Committee.Member member(String id, String name, String organisation, boolean voting) {
        return new Replica.Committee.Member("m-" + id, id, name, organisation, organisation == null ? null : "PARTNER_COMPANY",
                voting ? "PARTNER_REPRESENTATIVE" : "RELAY_STRUCTURE", voting, JAN, null);
    }

    static CommitteeOnDate committeeOn(Replica.Committee committee, LocalDate on) {
        return CommitteeOnDate.of(committee, on);
    }

    @Test
    void in_the_presidents_absence_the_session_records_which_present_member_presided_R23() {
        List<String> withoutRoche = List.of("lefevre", "dubois", "leroy", "martin");

        assertThatThrownBy(() -> scheduledWithTwoProjects().recordAttendance(ON, withoutRoche, committee(), ON, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("Isabelle Roche", "est absent"));
        assertThatThrownBy(() -> scheduledWithTwoProjects().recordAttendance(ON, withoutRoche, "delattre", committee(), ON, NOW, "op"))
                .as("who presides sits at the session").isInstanceOf(org.alize.kernel.problem.InvalidInput.class);
        assertThatThrownBy(() -> scheduledWithTwoProjects().recordAttendance(ON, List.of("roche", "lefevre", "dubois", "martin"),
                "lefevre", committee(), ON, NOW, "op")).as("the president, present, presides").isInstanceOf(RuleViolation.class);
        CommitteeSession session = scheduledWithTwoProjects();
        session.recordAttendance(ON, withoutRoche, "lefevre", committee(), ON, NOW, "op");

        assertThat(session.presidentName()).isEqualTo("Isabelle Roche");
        assertThat(session.presidedByName()).isEqualTo("Thomas Lefèvre");
        CommitteeSession usual = scheduledWithTwoProjects();
        usual.recordAttendance(ON, List.of("roche", "lefevre", "dubois", "martin"), committee(), ON, NOW, "op");
        assertThat(usual.presidedByName()).isEqualTo("Isabelle Roche");
    }

    private static CommitteeSession scheduledWithTwoProjects() {
        CommitteeSession session = CommitteeSession.schedule(TEST_BASIN, "ses-1", 12, ON, "Valenciennes", ON, 0, NOW, "op");
        session.addToAgenda(new AgendaItem("p1", "2026-001", "Chaudronnerie du Hainaut", "Isabelle Roche"), NOW, "op");
        session.addToAgenda(new AgendaItem("p2", "2026-002", "Boulangerie Scarpe", "Thomas Lefèvre"), NOW, "op");
        return session;
    }

    @Test
    void a_session_without_the_quorum_of_voting_members_cannot_decide_R23() {
        CommitteeSession session = scheduledWithTwoProjects();

        assertThatThrownBy(() -> session.recordAttendance(ON, List.of("roche", "lefevre", "delattre"), committee(), ON, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("R-23");
                    assertThat(e.detail()).contains("2 membre(s) votant(s) présent(s) pour 3 requis");
                });
        assertThat(session.status()).isEqualTo(SessionStatus.SCHEDULED);
    }

    @Test
    void only_members_on_the_session_date_attend_and_the_absent_are_named_R23() {
        CommitteeSession session = scheduledWithTwoProjects();

        assertThatThrownBy(() -> session.recordAttendance(ON, List.of("roche", "lefevre", "inconnu"), committee(), ON, NOW, "op"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("inconnu");
        session.recordAttendance(ON, List.of("roche", "lefevre", "dubois", "martin"), committee(), ON, NOW, "op");

        assertThat(session.status()).isEqualTo(SessionStatus.HELD);
        assertThat(session.absent()).containsExactly("Marc Delattre", "Olivier Leroy");
        assertThat(session.presidentName()).isEqualTo("Isabelle Roche");
        assertThat(session.raisedEvents()).singleElement().isInstanceOfSatisfying(CommitteeSessionHeld.class, e -> {
            assertThat(e.votingMembersPresent()).isEqualTo(4);
            assertThat(e.quorum()).isEqualTo(3);
        });
    }

    @Test
    void a_member_who_declares_a_conflict_does_not_vote_and_one_whose_company_gives_skills_is_flagged_and_votes_R23() {
        CommitteeSession session = scheduledWithTwoProjects();
        session.recordAttendance(ON, List.of("roche", "lefevre", "dubois", "martin"), committee(), ON, NOW, "op");
        session.declareConflict("lefevre", "p1", "cousin du dirigeant", NOW, "op");

        CommitteeSession.Vote onP1 = session.voteOn("p1", Set.of("org-aciers"));
        CommitteeSession.Vote onP2 = session.voteOn("p2", Set.of("org-aciers"));

        assertThat(onP1.voters()).isEqualTo(3);
        assertThat(onP1.recusedPersonIds()).containsExactly("lefevre");
        assertThat(onP1.flaggedPersonIds()).containsExactly("dubois");
        assertThat(onP2.voters()).as("no recusal is automatic").isEqualTo(4);
        assertThat(onP2.recusals()).isEmpty();
        assertThat(onP2.flagged()).singleElement().satisfies(i -> {
            assertThat(i.personId()).isEqualTo("dubois");
            assertThat(i.reason()).contains("compétences");
        });
    }

    @Test
    void too_many_recusals_leave_the_item_without_quorum_R23() {
        CommitteeSession session = scheduledWithTwoProjects();
        session.recordAttendance(ON, List.of("roche", "lefevre", "dubois"), committee(), ON, NOW, "op");
        session.declareConflict("lefevre", "p1", "associé du dirigeant", NOW, "op");

        assertThatThrownBy(() -> session.voteOn("p1", Set.of())).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.detail()).contains("2 membre(s) votant(s) pour un quorum de 3"));
        assertThat(session.voteOn("p2", Set.of()).voters()).isEqualTo(3);
    }

    @Test
    void the_steering_committee_validates_a_closed_session_a_posteriori_R07() {
        CommitteeSession session = scheduledWithTwoProjects();
        session.recordAttendance(ON, List.of("roche", "lefevre", "dubois", "martin"), committee(), ON, NOW, "op");

        assertThatThrownBy(() -> session.validate(ON.plusDays(30), "Jean Morel", null, ON.plusDays(40), NOW, "op"))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> session.close(List.of("2026-002"), NOW, "op")).isInstanceOf(Conflict.class)
                .hasMessageContaining("2026-002");
        session.close(List.of(), NOW, "op");
        assertThatThrownBy(() -> session.validate(ON.plusDays(30), " ", null, ON.plusDays(40), NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-07"));

        session.validate(ON.plusDays(30), "Jean Morel, sous-préfet", "Décisions conformes", ON.plusDays(40), NOW, "op");

        assertThat(session.status()).isEqualTo(SessionStatus.VALIDATED);
        assertThat(session.raisedEvents()).last().isInstanceOf(SessionDecisionsValidated.class);
    }

    @Test
    void a_session_is_planned_at_most_two_years_ahead_and_a_year_holds_at_most_a_hundred_R41() {
        assertThatThrownBy(() -> CommitteeSession.schedule(TEST_BASIN, "ses-far", 13, ON.plusYears(2).plusDays(1), "Valenciennes", ON, 0,
                NOW, "op")).isInstanceOf(org.alize.kernel.problem.InvalidInput.class);
        assertThatThrownBy(() -> CommitteeSession.schedule(TEST_BASIN, "ses-many", 13, ON, "Valenciennes", ON, 100, NOW, "op"))
                .isInstanceOfSatisfying(org.alize.kernel.problem.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-41"));
        assertThat(CommitteeSession.schedule(TEST_BASIN, "ses-ok", 13, ON.plusYears(2), "Valenciennes", ON, 99, NOW, "op").scheduledOn())
                .isEqualTo(ON.plusYears(2));
    }

    private static CommitteeSessionConvened.Item item(String projectId, String reference, boolean diagnosed) {
        return new CommitteeSessionConvened.Item(projectId, reference, "PME " + reference, "roche", diagnosed
                ? new CommitteeSessionConvened.Diagnosis(ON.minusDays(20), "HRS", "Synthèse", "Agréer", 4, 3, 4) : null);
    }

    @Test
    void the_members_are_convened_with_each_projects_preliminary_diagnosis_and_again_when_the_agenda_changes_R22() {
        CommitteeSession session = scheduledWithTwoProjects();
        LocalDate before = ON.minusDays(10);
        assertThatThrownBy(() -> session.convene(List.of(item("p1", "2026-001", true), item("p2", "2026-002", false)), before,
                NOW, "op")).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-22"))
                .hasMessageContaining("2026-002 n'a pas de diagnostic préalable");
        assertThat(session.raisedEvents()).as("nothing half-done").noneMatch(e -> e instanceof CommitteeSessionConvened);

        session.convene(List.of(item("p1", "2026-001", true), item("p2", "2026-002", true)), before, NOW, "op");
        session.convene(List.of(item("p1", "2026-001", true), item("p2", "2026-002", true)), before, NOW, "op");
        List<CommitteeSessionConvened> convened = session.raisedEvents().stream()
                .filter(CommitteeSessionConvened.class::isInstance).map(CommitteeSessionConvened.class::cast).toList();
        assertThat(convened).extracting(CommitteeSessionConvened::convocation).containsExactly(1, 2);
        assertThat(convened.get(0).agenda()).extracting(CommitteeSessionConvened.Item::reference)
                .containsExactly("2026-001", "2026-002");
        assertThat(convened.get(0).scheduledOn()).isEqualTo(ON);
        assertThat(session.convocations()).isEqualTo(2);
    }

    @Test
    void no_convocation_to_a_past_session_or_an_empty_agenda_R22() {
        CommitteeSession session = scheduledWithTwoProjects();
        assertThatThrownBy(() -> session.convene(List.of(item("p1", "2026-001", true)), ON.plusDays(1), NOW, "op"))
                .isInstanceOf(Conflict.class).hasMessageContaining("séance à venir");
        CommitteeSession empty = CommitteeSession.schedule(TEST_BASIN, "ses-2", 13, ON, "Valenciennes", ON, 0, NOW, "op");
        assertThatThrownBy(() -> empty.convene(List.of(), ON, NOW, "op")).isInstanceOf(Conflict.class)
                .hasMessageContaining("L'ordre du jour est vide");
    }

    @Test
    void a_session_examines_at_most_thirty_projects() {
        CommitteeSession session = CommitteeSession.schedule(TEST_BASIN, "ses-3", 14, ON, "Valenciennes", ON, 0, NOW, "op");
        for (int i = 0; i < CommitteeSession.MAX_AGENDA; i++) {
            session.addToAgenda(new AgendaItem("p" + i, "2026-" + i, "PME " + i, "Isabelle Roche"), NOW, "op");
        }
        assertThatThrownBy(() -> session.addToAgenda(new AgendaItem("p-more", "2026-999", "PME", "Isabelle Roche"), NOW, "op"))
                .isInstanceOf(Conflict.class).hasMessageContaining("30 projets");
    }

    @Test
    void a_long_diagnosis_is_cut_for_the_convocation_with_an_ellipsis() {
        assertThat(SessionService.cut("a".repeat(1600), 1500)).hasSize(1500).endsWith("…");
        assertThat(SessionService.cut("  court  ", 1500)).isEqualTo("court");
        assertThat(SessionService.cut("   ", 1500)).isNull();
    }
}
