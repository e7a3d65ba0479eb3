package org.alize.basin.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.alize.basin.events.ApprovalCommitteeChanged;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.InBasin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CommitteeTest {

    static final BasinId TEST_BASIN = BasinId.of("valenciennois");

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate JAN = LocalDate.of(2025, 1, 1);
    private static final Member ROCHE = new Member("p1", "Isabelle Roche", "ORGANISATION", "o1", "Hainaut Rail Systèmes",
            "PARTNER_COMPANY", true);
    private static final Member RETIRED = new Member("p2", "Paul Ancien", "ORGANISATION", "o2", "Verrerie de l'Escaut",
            "PARTNER_COMPANY", false);
    private static final Member CCI = new Member("p3", "Marc Chambre", "ORGANISATION", "o3", "CCI Grand Hainaut",
            "ASSOCIATED_PARTNER", true);
    private static final Member MARTIN = new Member("p4", "Claire Martin", "ASTREES", null, null, null, true);
    private static final Member DUPONT = new Member("p5", "Sophie Autre", "ASTREES", null, null, null, true);
    private static final Member PREFET = new Member("p6", "Jean Sous-Préfet", "PREFECTURE", null, null, null, true);
    private static final Member REGION = new Member("p7", "Élue Région", "ORGANISATION", "o7", "Région Hauts-de-France",
            "PUBLIC_FUNDER", true);

    @RegisterExtension
    static final InBasin VALENCIENNOIS = new InBasin("valenciennois");

    @Test
    void the_president_is_an_in_activity_representative_of_a_partner_company_R06() {
        ApprovalCommittee committee = ApprovalCommittee.empty(TEST_BASIN);
        committee.appoint(ROCHE, Seat.PARTNER_REPRESENTATIVE, true, JAN, NOW, "op");
        committee.appoint(RETIRED, Seat.PARTNER_REPRESENTATIVE, true, JAN, NOW, "op");
        committee.appoint(CCI, Seat.PARTNER_REPRESENTATIVE, true, JAN, NOW, "op");

        assertThatThrownBy(() -> committee.electPresident("p2", JAN, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("en activité"));
        assertThatThrownBy(() -> committee.electPresident("p3", JAN, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("entreprise partenaire"));
        committee.electPresident("p1", JAN, NOW, "op");

        assertThat(committee.compositionOn(JAN).president().name()).isEqualTo("Isabelle Roche");
    }

    @Test
    void the_committee_has_one_astrees_representative_at_a_time_R06() {
        ApprovalCommittee committee = ApprovalCommittee.empty(TEST_BASIN);
        ApprovalCommittee.Membership first = committee.appoint(MARTIN, Seat.ASTREES_REPRESENTATIVE, true, JAN, NOW, "op");

        assertThatThrownBy(() -> committee.appoint(DUPONT, Seat.ASTREES_REPRESENTATIVE, true, JAN.plusMonths(6), NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-06"));
        assertThatThrownBy(() -> committee.appoint(ROCHE, Seat.ASTREES_REPRESENTATIVE, true, JAN, NOW, "op"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ne représente pas ASTREES");

        committee.end(first.membershipId(), JAN.plusMonths(6).minusDays(1), "mutation", NOW, "op");
        committee.appoint(DUPONT, Seat.ASTREES_REPRESENTATIVE, true, JAN.plusMonths(6), NOW, "op");
        assertThat(committee.compositionOn(JAN).members()).extracting(m -> m.member().name()).containsExactly("Claire Martin");
        assertThat(committee.compositionOn(JAN.plusMonths(7)).members()).extracting(m -> m.member().name())
                .containsExactly("Sophie Autre");
    }

    @Test
    void the_composition_on_any_past_date_is_readable_with_its_quorum_and_gaps_R06() {
        ApprovalCommittee committee = ApprovalCommittee.empty(TEST_BASIN);
        committee.appoint(ROCHE, Seat.PARTNER_REPRESENTATIVE, true, JAN, NOW, "op");
        committee.appoint(CCI, Seat.RELAY_STRUCTURE, false, JAN, NOW, "op");
        committee.appoint(MARTIN, Seat.ASTREES_REPRESENTATIVE, true, JAN, NOW, "op");
        ApprovalCommittee.Membership later = committee.appoint(RETIRED, Seat.PARTNER_REPRESENTATIVE, true,
                LocalDate.of(2025, 6, 1), NOW, "op");
        committee.electPresident("p1", JAN, NOW, "op");

        ApprovalCommittee.Composition march = committee.compositionOn(LocalDate.of(2025, 3, 1));
        ApprovalCommittee.Composition july = committee.compositionOn(LocalDate.of(2025, 7, 1));
        ApprovalCommittee.Composition before = committee.compositionOn(LocalDate.of(2024, 12, 31));

        assertThat(march.votingMembers()).isEqualTo(2);
        assertThat(march.quorum()).isEqualTo(2);
        assertThat(march.gaps()).isEmpty();
        assertThat(july.votingMembers()).isEqualTo(3);
        assertThat(july.quorum()).isEqualTo(2);
        assertThat(before.members()).isEmpty();
        assertThat(before.gaps()).contains("aucun président (R-06)", "aucun représentant d'ASTREES (R-06)");
        committee.setQuorum(new QuorumRule(QuorumRule.Kind.MINIMUM_PRESENT, 3), NOW, "op");
        assertThat(committee.compositionOn(LocalDate.of(2025, 3, 1)).quorum()).isEqualTo(3);
        assertThat(committee.raisedEvents()).last().isInstanceOfSatisfying(ApprovalCommitteeChanged.class, e -> {
            assertThat(e.members()).hasSize(4);
            assertThat(e.members()).filteredOn(m -> m.membershipId().equals(later.membershipId()))
                    .singleElement().satisfies(m -> assertThat(m.from()).isEqualTo(LocalDate.of(2025, 6, 1)));
        });
    }

    @Test
    void a_partner_seat_needs_an_organisation_of_the_basin_R06() {
        assertThatThrownBy(() -> ApprovalCommittee.empty(TEST_BASIN).appoint(PREFET, Seat.PARTNER_REPRESENTATIVE, true, JAN, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-06"));
    }

    @Test
    void the_steering_committee_is_chaired_by_the_prefect_or_a_local_authority_with_a_substantial_share_R07() {
        SteeringCommittee committee = SteeringCommittee.empty(TEST_BASIN);

        assertThatThrownBy(() -> committee.appointChair(SteeringCommittee.ChairKind.PREFECT, ROCHE, false, null, null, JAN, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-07"));
        assertThatThrownBy(() -> committee.appointChair(SteeringCommittee.ChairKind.LOCAL_AUTHORITY, REGION, true,
                new BigDecimal("4.5"), JAN, JAN, NOW, "op"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("4.5 %");
        assertThatThrownBy(() -> committee.appointChair(SteeringCommittee.ChairKind.LOCAL_AUTHORITY, CCI, false,
                new BigDecimal("30"), JAN, JAN, NOW, "op"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("collectivité");

        committee.appointChair(SteeringCommittee.ChairKind.PREFECT, PREFET, false, null, null, JAN, NOW, "op");
        assertThatThrownBy(() -> committee.appointChair(SteeringCommittee.ChairKind.LOCAL_AUTHORITY, REGION, true,
                new BigDecimal("23.0"), null, LocalDate.of(2026, 1, 1), NOW, "op"))
                .as("only with the Préfet's agreement").isInstanceOf(RuleViolation.class).hasMessageContaining("accord avec le Préfet");
        committee.appointChair(SteeringCommittee.ChairKind.LOCAL_AUTHORITY, REGION, true, new BigDecimal("23.0"),
                LocalDate.of(2025, 12, 10), LocalDate.of(2026, 1, 1), NOW, "op");

        assertThat(committee.compositionOn(LocalDate.of(2025, 12, 31)).chair().person().name()).isEqualTo("Jean Sous-Préfet");
        assertThat(committee.compositionOn(LocalDate.of(2026, 1, 1)).chair().financialSharePercent())
                .isEqualByComparingTo("23.0");
        assertThat(committee.compositionOn(LocalDate.of(2026, 1, 1)).chair().prefectAgreedOn()).isEqualTo(LocalDate.of(2025, 12, 10));
    }
}
