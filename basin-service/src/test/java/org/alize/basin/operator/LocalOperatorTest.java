package org.alize.basin.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.alize.basin.events.LocalOperatorAppointed;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.InBasin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalOperatorTest {

    static final BasinId TEST_BASIN = BasinId.of("valenciennois");

    static final String FUND = "FR7630006000011234567890189";
    static final String OPERATING = "FR7630004000031234567890143";
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalOperator.Consensus CONSENSUS = new LocalOperator.Consensus(TODAY.minusDays(7), true, true, true);
    private static final LocalOperator.BankAccounts ACCOUNTS = new LocalOperator.BankAccounts(FUND, OPERATING);

    @RegisterExtension
    static final InBasin VALENCIENNOIS = new InBasin("valenciennois");

    @Test
    void one_organisation_appointed_by_consensus_holds_every_function_R03() {
        LocalOperator operator = LocalOperator.none(TEST_BASIN);

        operator.appoint(List.of(new LocalOperator.Holder("o1", "Valenciennes Métropole Développement", Set.of())),
                TODAY, CONSENSUS, ACCOUNTS, TODAY, NOW, "op");

        assertThat(operator.appointment().holders()).singleElement()
                .satisfies(h -> assertThat(h.functions()).isEqualTo(EnumSet.allOf(OperatorFunction.class)));
        assertThat(operator.raisedEvents()).singleElement().isInstanceOfSatisfying(LocalOperatorAppointed.class,
                e -> assertThat(e.holders().get(0).functions()).hasSize(6));
    }

    @Test
    void without_the_consensus_of_partners_steering_chair_and_astrees_no_operator_is_appointed_R03() {
        LocalOperator operator = LocalOperator.none(TEST_BASIN);

        assertThatThrownBy(() -> operator.appoint(List.of(new LocalOperator.Holder("o1", "Agence", Set.of())), TODAY,
                new LocalOperator.Consensus(TODAY, true, true, false), ACCOUNTS, TODAY, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-03"));
        assertThat(operator.isAppointed()).isFalse();
    }

    @Test
    void a_split_gives_each_function_to_exactly_one_organisation_R03() {
        LocalOperator operator = LocalOperator.none(TEST_BASIN);
        Set<OperatorFunction> money = EnumSet.of(OperatorFunction.FUND_MANAGEMENT);
        Set<OperatorFunction> rest = EnumSet.complementOf(EnumSet.of(OperatorFunction.FUND_MANAGEMENT));

        assertThatThrownBy(() -> operator.appoint(List.of(new LocalOperator.Holder("o1", "Agence", rest),
                new LocalOperator.Holder("o2", "PFIL", EnumSet.of(OperatorFunction.FUND_MANAGEMENT, OperatorFunction.PROJECT_DETECTION))),
                TODAY, CONSENSUS, ACCOUNTS, TODAY, NOW, "op"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("attribuée à deux organisations");
        assertThatThrownBy(() -> operator.appoint(List.of(new LocalOperator.Holder("o1", "Agence",
                        EnumSet.of(OperatorFunction.PROJECT_DETECTION)), new LocalOperator.Holder("o2", "PFIL", money)),
                TODAY, CONSENSUS, ACCOUNTS, TODAY, NOW, "op"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("sans titulaire");

        operator.appoint(List.of(new LocalOperator.Holder("o1", "Agence", rest), new LocalOperator.Holder("o2", "PFIL", money)),
                TODAY, CONSENSUS, ACCOUNTS, TODAY, NOW, "op");
        assertThat(operator.appointment().holders()).hasSize(2);
    }

    @Test
    void the_advance_fund_and_the_operating_account_are_two_distinct_valid_accounts_R04() {
        LocalOperator operator = LocalOperator.none(TEST_BASIN);
        List<LocalOperator.Holder> holder = List.of(new LocalOperator.Holder("o1", "Agence", Set.of()));

        assertThatThrownBy(() -> operator.appoint(holder, TODAY, CONSENSUS,
                new LocalOperator.BankAccounts(FUND, "fr76 3000 6000 0112 3456 7890 189"), TODAY, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-04"));
        assertThatThrownBy(() -> operator.appoint(holder, TODAY, CONSENSUS,
                new LocalOperator.BankAccounts(FUND, "FR7630006000011234567890188"), TODAY, NOW, "op"))
                .hasMessageContaining("IBAN du compte de fonctionnement invalide");
    }

    @Test
    void a_new_appointment_keeps_the_former_one_in_history() {
        LocalOperator operator = LocalOperator.none(TEST_BASIN);
        operator.appoint(List.of(new LocalOperator.Holder("o1", "Agence", Set.of())), TODAY.minusYears(3), CONSENSUS,
                ACCOUNTS, TODAY, NOW, "op");

        operator.appoint(List.of(new LocalOperator.Holder("o2", "Association ALIZÉ Valenciennois", Set.of())), TODAY,
                CONSENSUS, ACCOUNTS, TODAY, NOW, "op");

        assertThat(operator.previous()).hasSize(1);
        assertThat(operator.history()).extracting(h -> h.action()).containsExactly("APPOINTED", "REPLACED");
    }
}
