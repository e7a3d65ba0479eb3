package org.alize.finance.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.alize.finance.events.ContributionReceived;
import org.alize.finance.events.TransferRecorded;
import org.alize.finance.events.ValuedContributionRecorded;
import org.alize.tenancy.InBasin;
import org.alize.tenancy.problem.InvalidInput;
import org.alize.tenancy.problem.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountRulesTest {

    @RegisterExtension
    static final InBasin VALENCIENNOIS = new InBasin("valenciennois");

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void money_moves_between_the_two_accounts_only_on_a_recorded_approval_R04() {
        assertThatThrownBy(() -> Transfer.record("t", Contribution.Target.OPERATING_ACCOUNT, Contribution.Target.ADVANCE_FUND,
                new BigDecimal("20000"), TODAY, " ", null, TODAY, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-04"));
        assertThatThrownBy(() -> Transfer.record("t", Contribution.Target.ADVANCE_FUND, Contribution.Target.ADVANCE_FUND,
                new BigDecimal("1"), TODAY, "CLP-1", null, TODAY, NOW, "op")).isInstanceOf(InvalidInput.class);

        Transfer transfer = Transfer.record("t", Contribution.Target.OPERATING_ACCOUNT, Contribution.Target.ADVANCE_FUND,
                new BigDecimal("20000"), TODAY, "CLP-2026-06", "abondement", TODAY, NOW, "op");

        assertThat(transfer.raisedEvents()).singleElement().isInstanceOfSatisfying(TransferRecorded.class,
                e -> assertThat(e.approvalReference()).isEqualTo("CLP-2026-06"));
    }

    @Test
    void the_operators_reimbursement_stays_within_10000_a_year_and_needs_the_partners_agreement_R14() {
        OperatingYear year = OperatingYear.of(2026);
        BigDecimal budgeted = new BigDecimal("8000");

        assertThatThrownBy(() -> year.record(OperatingYear.Category.OPERATOR_REIMBURSEMENT, new BigDecimal("1000"),
                LocalDate.of(2026, 3, 1), "avance", null, BigDecimal.ZERO, TODAY, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("accord de tous"));
        year.record(OperatingYear.Category.OPERATOR_REIMBURSEMENT, new BigDecimal("6000"), LocalDate.of(2026, 6, 30),
                "1er semestre", "VMD", budgeted, TODAY, NOW, "op");
        year.record(OperatingYear.Category.LOCAL_ENGINEERING, new BigDecimal("45000"), LocalDate.of(2026, 6, 30),
                "animation", null, budgeted, TODAY, NOW, "op");
        assertThatThrownBy(() -> year.record(OperatingYear.Category.OPERATOR_REIMBURSEMENT, new BigDecimal("4000.01"),
                LocalDate.of(2026, 11, 1), "2nd semestre", "VMD", budgeted, TODAY, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("R-14");
                    assertThat(e.detail()).contains("6000.00 € déjà remboursés");
                });
        year.record(OperatingYear.Category.OPERATOR_REIMBURSEMENT, new BigDecimal("4000"), LocalDate.of(2026, 11, 1),
                "2nd semestre", "VMD", budgeted, TODAY, NOW, "op");

        assertThat(year.reimbursed()).isEqualByComparingTo("10000");
        assertThat(year.total(OperatingYear.Category.LOCAL_ENGINEERING)).isEqualByComparingTo("45000");
    }

    @Test
    void cash_contributions_move_money_valued_ones_do_not() {
        Pledges.Pledge pledge = new Pledges.Pledge("org-hrs", "Hainaut Rail Systèmes", "COMPANIES", new BigDecimal("33400"),
                new BigDecimal("8000"), BigDecimal.ZERO);

        Contribution cash = Contribution.record("c1", pledge, Contribution.Kind.CASH, Contribution.Target.ADVANCE_FUND,
                new BigDecimal("33400"), TODAY, null, TODAY, NOW, "op");
        Contribution skills = Contribution.record("c2", pledge, Contribution.Kind.SKILLS, null, new BigDecimal("8000"), TODAY,
                "10 jours", TODAY, NOW, "op");

        assertThat(cash.raisedEvents()).singleElement().isInstanceOf(ContributionReceived.class);
        assertThat(skills.raisedEvents()).singleElement().isInstanceOf(ValuedContributionRecorded.class);
        assertThatThrownBy(() -> Contribution.record("c3", pledge, Contribution.Kind.CASH, null, new BigDecimal("1"), TODAY, null,
                TODAY, NOW, "op")).isInstanceOf(InvalidInput.class);
    }
}
