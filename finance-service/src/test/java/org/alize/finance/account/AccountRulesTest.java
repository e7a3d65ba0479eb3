package org.alize.finance.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alize.finance.events.ContributionReceived;
import org.alize.finance.events.MovementReversed;
import org.alize.finance.events.TransferRecorded;
import org.alize.finance.events.ValuedContributionRecorded;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.InBasin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountRulesTest {

    static final BasinId TEST_BASIN = BasinId.of("valenciennois");

    @RegisterExtension
    static final InBasin VALENCIENNOIS = new InBasin("valenciennois");

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void money_moves_between_the_two_accounts_only_on_a_recorded_approval_R04() {
        assertThatThrownBy(() -> Transfer.record(TEST_BASIN, "t", Contribution.Target.OPERATING_ACCOUNT, Contribution.Target.ADVANCE_FUND,
                new BigDecimal("20000"), TODAY, " ", null, TODAY, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-04"));
        assertThatThrownBy(() -> Transfer.record(TEST_BASIN, "t", Contribution.Target.ADVANCE_FUND, Contribution.Target.ADVANCE_FUND,
                new BigDecimal("1"), TODAY, "CLP-1", null, TODAY, NOW, "op")).isInstanceOf(InvalidInput.class);

        Transfer transfer = Transfer.record(TEST_BASIN, "t", Contribution.Target.OPERATING_ACCOUNT, Contribution.Target.ADVANCE_FUND,
                new BigDecimal("20000"), TODAY, "CLP-2026-06", "abondement", TODAY, NOW, "op");

        assertThat(transfer.raisedEvents()).singleElement().isInstanceOfSatisfying(TransferRecorded.class,
                e -> assertThat(e.approvalReference()).isEqualTo("CLP-2026-06"));
    }

    @Test
    void the_operators_reimbursement_stays_within_the_budget_of_its_convention_year_across_two_calendar_years_R14() {
        Pledges convention = new Pledges("conv-2025", LocalDate.of(2025, 7, 1), LocalDate.of(2028, 6, 30), List.of(),
                List.of(new BigDecimal("8000.00"), new BigDecimal("9000.00"), new BigDecimal("7000.00")), 1);
        Map<Integer, OperatingYear> years = new HashMap<>();

        reimburse(convention, years, "2025-09-30", "5000");
        reimburse(convention, years, "2026-01-10", "1000");
        years.get(2026).record(OperatingYear.Category.LOCAL_ENGINEERING, new BigDecimal("45000"), LocalDate.of(2026, 1, 10),
                "animation", null, allowance(convention, years, "2026-01-10"), TODAY, NOW, "op");
        assertThatThrownBy(() -> reimburse(convention, years, "2026-03-15", "2000.01"))
                .as("year 1 runs to 30 June 2026: 6 000 of its 8 000 are spent")
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("R-14");
                    assertThat(e.detail()).contains("prévoit 8000.00 €", "année 1 (du 2025-07-01 au 2026-06-30)",
                            "6000.00 € déjà remboursés");
                });
        reimburse(convention, years, "2026-06-30", "2000");
        assertThatThrownBy(() -> reimburse(convention, years, "2026-06-30", "0.01")).isInstanceOf(RuleViolation.class);

        reimburse(convention, years, "2026-07-01", "9000");
        assertThatThrownBy(() -> reimburse(convention, years, "2026-11-26", "0.01"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("année 2"));
        assertThat(years.get(2026).reimbursed()).as("the calendar year holds parts of two convention years")
                .isEqualByComparingTo("12000");
    }

    @Test
    void the_operator_is_never_reimbursed_beyond_10000_a_convention_year_nor_without_the_partners_agreement_R14() {
        ReimbursementAllowance generous = new ReimbursementAllowance(1, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                new BigDecimal("12000.00"), new BigDecimal("6000.00"));
        ReimbursementAllowance none = ReimbursementAllowance.of(java.util.Optional.empty(), TODAY, List.of());

        assertThatThrownBy(() -> generous.check(new BigDecimal("4000.01")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("plafonné à 10 000 €"));
        generous.check(new BigDecimal("4000"));
        assertThatThrownBy(() -> none.check(new BigDecimal("1")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("accord de tous"));
    }

    private static void reimburse(Pledges convention, Map<Integer, OperatingYear> years, String on, String amount) {
        LocalDate date = LocalDate.parse(on);
        ReimbursementAllowance allowance = allowance(convention, years, on);
        years.computeIfAbsent(date.getYear(), year -> OperatingYear.of(TEST_BASIN, year)).record(OperatingYear.Category.OPERATOR_REIMBURSEMENT,
                new BigDecimal(amount), date, "défraiement", "VMD", allowance, TODAY, NOW, "op");
    }

    private static ReimbursementAllowance allowance(Pledges convention, Map<Integer, OperatingYear> years, String on) {
        LocalDate date = LocalDate.parse(on);
        List<OperatingYear> span = java.util.Arrays.stream(ReimbursementAllowance.calendarYears(java.util.Optional.of(convention),
                date)).mapToObj(y -> years.computeIfAbsent(y, year -> OperatingYear.of(TEST_BASIN, year))).toList();
        return ReimbursementAllowance.of(java.util.Optional.of(convention), date, span);
    }

    @Test
    void a_contribution_a_transfer_or_an_expense_recorded_by_mistake_is_undone_by_a_new_movement_never_edited_R31() {
        Pledges.Pledge pledge = new Pledges.Pledge("org-hrs", "Hainaut Rail Systèmes", "COMPANIES", new BigDecimal("33400"),
                BigDecimal.ZERO, BigDecimal.ZERO);
        Contribution contribution = Contribution.record(TEST_BASIN, "ctb-1", pledge, Contribution.Kind.CASH, Contribution.Target.ADVANCE_FUND,
                new BigDecimal("12000"), LocalDate.of(2026, 3, 1), null, TODAY, NOW, "op");
        Transfer transfer = Transfer.record(TEST_BASIN, "trf-1", Contribution.Target.OPERATING_ACCOUNT, Contribution.Target.ADVANCE_FUND,
                new BigDecimal("5000"), LocalDate.of(2026, 4, 1), "CLP-2026-03", null, TODAY, NOW, "op");
        OperatingYear year = OperatingYear.of(TEST_BASIN, 2026);
        OperatingYear.Expense room = year.record(OperatingYear.Category.OTHER, new BigDecimal("1800"), LocalDate.of(2026, 5, 2),
                "salle", "CCI", null, TODAY, NOW, "op");

        assertThatThrownBy(() -> contribution.reverse("rev-0", LocalDate.of(2026, 2, 28), "doublon", TODAY, NOW, "op"))
                .as("never before the movement").isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> contribution.reverse("rev-0", LocalDate.of(2026, 3, 2), " ", TODAY, NOW, "op"))
                .as("for a reason").isInstanceOf(InvalidInput.class);
        contribution.reverse("rev-1", LocalDate.of(2026, 3, 2), "Saisie en double", TODAY, NOW, "op");
        transfer.reverse("rev-2", LocalDate.of(2026, 4, 1), "Décision mal citée", TODAY, NOW, "op");
        year.reverse(room.id(), "rev-3", LocalDate.of(2026, 6, 1), "Facture annulée", TODAY, NOW, "op");

        assertThat(contribution.amount()).as("the movement stays as it was").isEqualByComparingTo("12000");
        assertThat(contribution.reversal().id()).isEqualTo("rev-1");
        assertThat(contribution.raisedEvents()).last().isInstanceOfSatisfying(MovementReversed.class, e -> {
            assertThat(e.movementId()).isEqualTo("ctb-1");
            assertThat(e.movement()).isEqualTo("CONTRIBUTION");
            assertThat(e.amount()).isEqualByComparingTo("12000");
            assertThat(e.reversedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        });
        assertThat(transfer.raisedEvents()).last().isInstanceOfSatisfying(MovementReversed.class,
                e -> assertThat(e.movement()).isEqualTo("TRANSFER"));
        assertThat(year.expenses()).singleElement().satisfies(e -> assertThat(e.reversed()).isTrue());
        assertThat(year.total(OperatingYear.Category.OTHER)).isEqualByComparingTo("0");
        assertThatThrownBy(() -> contribution.reverse("rev-4", LocalDate.of(2026, 3, 3), "encore", TODAY, NOW, "op"))
                .isInstanceOf(org.alize.kernel.problem.Conflict.class);
        assertThatThrownBy(() -> year.reverse("opx-unknown", "rev-5", TODAY, "x", TODAY, NOW, "op"))
                .isInstanceOf(org.alize.kernel.problem.NotFound.class);
    }

    @Test
    void a_reimbursement_reversed_no_longer_counts_toward_the_operators_cap_R14_R31() {
        Pledges convention = new Pledges("conv-2026", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), List.of(),
                List.of(new BigDecimal("6000.00")), 1);
        Map<Integer, OperatingYear> years = new HashMap<>();
        reimburse(convention, years, "2026-03-01", "6000");
        assertThatThrownBy(() -> reimburse(convention, years, "2026-04-01", "100")).isInstanceOf(RuleViolation.class);

        String paid = years.get(2026).expenses().get(0).id();
        years.get(2026).reverse(paid, "rev-1", LocalDate.of(2026, 3, 10), "Virement rejeté par la banque", TODAY, NOW, "op");
        reimburse(convention, years, "2026-04-01", "6000");

        assertThat(years.get(2026).reimbursed()).isEqualByComparingTo("6000");
    }

    @Test
    void money_paid_to_the_operator_under_any_category_is_its_reimbursement_within_the_cap_R14() {
        Pledges convention = new Pledges("conv-2026", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31),
                List.of(new Pledges.Pledge("org-vmd", "Valenciennes Métropole Développement", "TERRITORIAL_ACTORS",
                        new BigDecimal("40500"), BigDecimal.ZERO, BigDecimal.ZERO)),
                List.of(new BigDecimal("8000.00")), 1, List.of("org-vmd"));
        Map<Integer, OperatingYear> years = new HashMap<>();
        reimburse(convention, years, "2026-03-01", "6000");
        OperatingYear year = years.get(2026);

        assertThatThrownBy(() -> year.record(OperatingYear.Category.LOCAL_ENGINEERING, new BigDecimal("2000.01"),
                LocalDate.of(2026, 4, 1), "animation", "valenciennes métropole développement ", null,
                allowance(convention, years, "2026-04-01"), TODAY, NOW, "op"))
                .as("by name: the operator pledges to the convention")
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("n'est pas rétribué", "8000.00"));
        assertThatThrownBy(() -> year.record(OperatingYear.Category.OTHER, new BigDecimal("3000"), LocalDate.of(2026, 4, 1),
                "frais", "VMD", "org-vmd", allowance(convention, years, "2026-04-01"), TODAY, NOW, "op"))
                .as("by id").isInstanceOf(RuleViolation.class);
        year.record(OperatingYear.Category.LOCAL_ENGINEERING, new BigDecimal("2000"), LocalDate.of(2026, 4, 1), "animation",
                "Valenciennes Métropole Développement", null, allowance(convention, years, "2026-04-01"), TODAY, NOW, "op");
        year.record(OperatingYear.Category.LOCAL_ENGINEERING, new BigDecimal("42000"), LocalDate.of(2026, 4, 1), "animation",
                "Service économique de Valenciennes Métropole", null, allowance(convention, years, "2026-04-01"), TODAY, NOW, "op");

        assertThat(allowance(convention, years, "2026-05-01").reimbursed()).isEqualByComparingTo("8000");
    }

    @Test
    void cash_contributions_move_money_valued_ones_do_not() {
        Pledges.Pledge pledge = new Pledges.Pledge("org-hrs", "Hainaut Rail Systèmes", "COMPANIES", new BigDecimal("33400"),
                new BigDecimal("8000"), BigDecimal.ZERO);

        Contribution cash = Contribution.record(TEST_BASIN, "c1", pledge, Contribution.Kind.CASH, Contribution.Target.ADVANCE_FUND,
                new BigDecimal("33400"), TODAY, null, TODAY, NOW, "op");
        Contribution skills = Contribution.record(TEST_BASIN, "c2", pledge, Contribution.Kind.SKILLS, null, new BigDecimal("8000"), TODAY,
                "10 jours", TODAY, NOW, "op");

        assertThat(cash.raisedEvents()).singleElement().isInstanceOf(ContributionReceived.class);
        assertThat(skills.raisedEvents()).singleElement().isInstanceOf(ValuedContributionRecorded.class);
        assertThatThrownBy(() -> Contribution.record(TEST_BASIN, "c3", pledge, Contribution.Kind.CASH, null, new BigDecimal("1"), TODAY, null,
                TODAY, NOW, "op")).isInstanceOf(InvalidInput.class);
    }
}
