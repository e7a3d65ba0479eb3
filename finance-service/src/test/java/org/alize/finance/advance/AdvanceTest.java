package org.alize.finance.advance;

import static org.alize.finance.advance.AdvanceMother.NOW;
import static org.alize.finance.advance.AdvanceMother.SIGNED_ON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.alize.finance.events.AdvanceOpened;
import org.alize.finance.events.RepaymentReceived;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.InBasin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdvanceTest {

    @RegisterExtension
    static final InBasin VALENCIENNOIS = new InBasin("valenciennois");

    @Test
    void instalments_add_up_to_the_principal_to_the_cent_and_none_is_negative_over_generated_terms() {
        Random random = new Random(20261126);
        for (int n = 0; n < 5_000; n++) {
            BigDecimal principal = BigDecimal.valueOf(100 + random.nextInt(50_000_00), 2);
            Frequency frequency = random.nextBoolean() ? Frequency.MONTHLY : Frequency.QUARTERLY;
            int grace = random.nextInt(13);
            int periods = 1 + random.nextInt((120 - grace) / frequency.months());
            int duration = grace + periods * frequency.months();

            List<Instalment> schedule = Schedules.equal(principal, duration, grace, frequency, SIGNED_ON, 1);

            assertThat(schedule).hasSize(periods);
            assertThat(schedule.stream().map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("%s over %d months, %d of grace, %s", principal, duration, grace, frequency)
                    .isEqualByComparingTo(principal);
            assertThat(schedule).allSatisfy(i -> {
                assertThat(i.amount().signum()).isGreaterThanOrEqualTo(0);
                assertThat(i.amount().scale()).isEqualTo(2);
            });
            assertThat(schedule.get(0).dueOn()).isEqualTo(SIGNED_ON.plusMonths(grace + frequency.months()));
        }
    }

    @Test
    void an_advance_is_paid_out_after_signature_and_never_beyond_the_amount_granted_possibly_in_tranches_R32() {
        Advance advance = AdvanceMother.open();

        assertThatThrownBy(() -> advance.disburse(SIGNED_ON.minusDays(1), new BigDecimal("1000"), SIGNED_ON, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-32"));
        advance.disburse(SIGNED_ON.plusDays(2), new BigDecimal("7000"), SIGNED_ON.plusDays(2), NOW, "op");
        assertThatThrownBy(() -> advance.disburse(SIGNED_ON.plusDays(9), new BigDecimal("5000.01"), SIGNED_ON.plusDays(9), NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("12000.01"));
        advance.disburse(SIGNED_ON.plusDays(9), new BigDecimal("5000"), SIGNED_ON.plusDays(9), NOW, "op");

        assertThat(advance.disbursed()).isEqualByComparingTo("12000");
        assertThat(advance.status()).isEqualTo(Advance.Status.ACTIVE);
        assertThat(advance.raisedEvents().get(0)).isInstanceOfSatisfying(AdvanceOpened.class,
                e -> assertThat(e.schedule()).hasSize(12));
    }

    @Test
    void a_repayment_goes_to_the_oldest_instalment_due_and_an_early_one_to_the_next() {
        Advance advance = AdvanceMother.disbursed();
        LocalDate today = LocalDate.of(2026, 4, 20);

        advance.repay(today, new BigDecimal("1500"), today, NOW, "op");

        assertThat(advance.schedule().get(0).settled()).isTrue();
        assertThat(advance.schedule().get(1).paid()).isEqualByComparingTo("500");
        assertThat(advance.outstanding()).isEqualByComparingTo("10500");
        assertThat(advance.raisedEvents()).last().isInstanceOfSatisfying(RepaymentReceived.class,
                e -> assertThat(e.allocations()).extracting(RepaymentReceived.Allocation::instalment).containsExactly(1, 2));
        assertThatThrownBy(() -> advance.repay(today, new BigDecimal("10500.01"), today, NOW, "op"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("10500.00");
    }

    @Test
    void a_repayment_recorded_by_mistake_is_reversed_not_deleted_and_its_instalments_are_owed_again_R31() {
        Advance advance = AdvanceMother.disbursed();
        LocalDate today = LocalDate.of(2026, 4, 20);
        advance.repay(today, new BigDecimal("1500"), today, NOW, "op");
        String repayment = advance.repayments().get(0).id();

        advance.reverseRepayment(repayment, today, "chèque revenu impayé", today, NOW, "op");

        assertThat(advance.repayments()).singleElement().satisfies(r -> assertThat(r.reversed()).isTrue());
        assertThat(advance.outstanding()).isEqualByComparingTo("12000");
        assertThat(advance.schedule().get(0).paid()).isEqualByComparingTo("0");
        assertThat(advance.daysPastDue(today)).isEqualTo(64);
        assertThatThrownBy(() -> advance.reverseRepayment(repayment, today, "encore", today, NOW, "op"))
                .isInstanceOf(org.alize.kernel.problem.Conflict.class);
    }

    @Test
    void days_past_due_count_from_the_oldest_unsettled_instalment() {
        Advance advance = AdvanceMother.disbursed();
        advance.repay(LocalDate.of(2026, 2, 15), new BigDecimal("1000"), LocalDate.of(2026, 2, 15), NOW, "op");

        // instalment 2 fell due on 15 March and is unpaid on 29 April
        assertThat(advance.daysPastDue(LocalDate.of(2026, 4, 29))).isEqualTo(45);
        assertThat(advance.amountInArrears(LocalDate.of(2026, 4, 29))).isEqualByComparingTo("2000");
        assertThat(advance.daysPastDue(LocalDate.of(2026, 3, 15))).isZero();
    }

    @Test
    void a_rescheduling_replaces_what_remains_and_keeps_the_former_schedule() {
        Advance advance = AdvanceMother.disbursed();
        advance.repay(LocalDate.of(2026, 2, 15), new BigDecimal("1500"), LocalDate.of(2026, 2, 15), NOW, "op");

        advance.reschedule("CA-2026-04", LocalDate.of(2026, 4, 1), 9, 3, Frequency.QUARTERLY, NOW, "op");

        assertThat(advance.formerSchedules()).singleElement().satisfies(v -> assertThat(v.schedule()).hasSize(12));
        assertThat(advance.schedule()).hasSize(4);
        assertThat(advance.schedule().get(1).paid()).isEqualByComparingTo("500");
        assertThat(advance.schedule().subList(2, 4)).extracting(Instalment::amount)
                .containsExactly(new BigDecimal("5250.00"), new BigDecimal("5250.00"));
        assertThat(advance.outstanding()).isEqualByComparingTo("10500");
        assertThatThrownBy(() -> advance.reschedule(" ", LocalDate.of(2026, 4, 1), 9, 3, Frequency.QUARTERLY, NOW, "op"))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_rescheduling_or_a_simulation_beyond_ten_years_or_two_years_of_grace_is_refused_and_changes_nothing() {
        Advance advance = AdvanceMother.disbursed();
        List<Instalment> before = advance.schedule();

        assertThatThrownBy(() -> advance.reschedule("XT", LocalDate.of(2026, 4, 1), 100_000, 0, Frequency.MONTHLY, NOW, "op"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.detail()).contains("120 mois"));
        assertThatThrownBy(() -> advance.reschedule("XT", LocalDate.of(2026, 4, 1), 60, 30, Frequency.MONTHLY, NOW, "op"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.detail()).contains("24 mois"));
        assertThatThrownBy(() -> Schedules.equal(new BigDecimal("1000"), Integer.MAX_VALUE, 0, Frequency.MONTHLY, SIGNED_ON, 1))
                .isInstanceOf(InvalidInput.class);
        assertThat(advance.schedule()).isEqualTo(before);
        assertThat(advance.formerSchedules()).isEmpty();
        assertThat(Schedules.equal(new BigDecimal("1000"), 120, 24, Frequency.MONTHLY, SIGNED_ON, 1)).hasSize(96);
    }

    @Test
    void ageing_buckets_are_at_most_ten_and_at_most_ten_years() {
        assertThatThrownBy(() -> new AgeingBuckets(List.of(Integer.MAX_VALUE))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new AgeingBuckets(java.util.stream.IntStream.rangeClosed(1, 11).boxed().toList()))
                .isInstanceOf(InvalidInput.class);
        assertThat(new AgeingBuckets(List.of(30, 90, 3_650)).labels()).hasSize(4);
    }

    @Test
    void an_amount_beyond_ten_million_euros_is_refused() {
        assertThatThrownBy(() -> org.alize.kernel.Money.positive(new BigDecimal("1e308"), "amount"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> org.alize.kernel.Money.positive(new BigDecimal("10000000.01"), "amount"))
                .isInstanceOf(InvalidInput.class);
        assertThat(org.alize.kernel.Money.positive(new BigDecimal("10000000"), "amount")).isEqualByComparingTo("10000000");
    }

    @Test
    void a_loss_is_written_off_by_committee_decision_within_what_is_owed_and_may_be_recovered_R30() {
        Advance advance = AdvanceMother.disbursed();
        LocalDate today = LocalDate.of(2026, 9, 1);
        advance.repay(LocalDate.of(2026, 3, 1), new BigDecimal("2000"), today, NOW, "op");

        assertThatThrownBy(() -> advance.writeOff(today, new BigDecimal("1000"), "liquidation", " ", today, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-30"));
        assertThatThrownBy(() -> advance.writeOff(today, new BigDecimal("10000.01"), "liquidation", "CA-9", today, NOW, "op"))
                .isInstanceOf(InvalidInput.class);
        advance.writeOff(today, new BigDecimal("10000"), "liquidation judiciaire", "CA-2026-09", today, NOW, "op");

        assertThat(advance.status()).isEqualTo(Advance.Status.WRITTEN_OFF);
        assertThat(advance.daysPastDue(today)).isZero();
        advance.recover(today, new BigDecimal("1500"), today, NOW, "op");
        assertThat(advance.recovered()).isEqualByComparingTo("1500");
        assertThatThrownBy(() -> advance.recover(today, new BigDecimal("8500.01"), today, NOW, "op")).isInstanceOf(InvalidInput.class);
    }
}
