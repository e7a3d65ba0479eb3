package org.alize.basin.convention;

import static org.alize.basin.convention.ConventionMother.NOW;
import static org.alize.basin.convention.ConventionMother.START;
import static org.alize.basin.convention.ConventionMother.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.alize.basin.events.PartnershipConventionSigned;
import org.alize.basin.organisation.ResourceCategory;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.InBasin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartnershipConventionTest {

    static final BasinId TEST_BASIN = BasinId.of("valenciennois");

    @RegisterExtension
    static final InBasin VALENCIENNOIS = new InBasin("valenciennois");

    @Test
    void fewer_than_four_partner_companies_cannot_sign_R05() {
        PartnershipConvention convention = ConventionMother.draft(3);

        assertThatThrownBy(() -> convention.sign(ConventionMother.signaturesOf(convention.terms().pledges()),
                ConventionMother.operatorConvention(), TODAY, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("R-05");
                    assertThat(e.detail()).contains("3 ont signé");
                });
        assertThat(convention.status()).isEqualTo(ConventionStatus.DRAFT);
        assertThat(convention.raisedEvents()).isEmpty();
    }

    @Test
    void four_partner_companies_and_all_partners_sign_a_three_year_convention_with_the_reference_objectives_R05_R10_R41() {
        PartnershipConvention convention = ConventionMother.signed(4);

        assertThat(convention.status()).isEqualTo(ConventionStatus.SIGNED);
        assertThat(convention.endsOn()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(convention.inForceOn(TODAY)).isTrue();
        assertThat(convention.inForceOn(LocalDate.of(2028, 1, 1))).isFalse();
        assertThat(convention.raisedEvents()).singleElement().isInstanceOfSatisfying(PartnershipConventionSigned.class, e -> {
            assertThat(e.pledges()).hasSize(7);
            assertThat(e.signatories()).hasSize(7);
            assertThat(e.objectives().jobsOverConvention()).isEqualTo(225);
        });
    }

    @Test
    void every_partner_with_a_pledge_signs_R10() {
        PartnershipConvention convention = ConventionMother.draft(4);
        List<Signature> withoutRegion = ConventionMother.signaturesOf(convention.terms().pledges()).stream()
                .filter(s -> !s.organisationId().equals("region")).toList();

        assertThatThrownBy(() -> convention.sign(withoutRegion, ConventionMother.operatorConvention(), TODAY, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("R-10");
                    assertThat(e.detail()).contains("Financeur region");
                });
    }

    @Test
    void the_operator_convention_is_signed_with_it_and_lasts_as_long_R11() {
        PartnershipConvention convention = ConventionMother.draft(4);

        assertThatThrownBy(() -> convention.sign(ConventionMother.signaturesOf(convention.terms().pledges()), null, TODAY,
                NOW, "op")).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-11"));

        convention.sign(ConventionMother.signaturesOf(convention.terms().pledges()), ConventionMother.operatorConvention(),
                TODAY, NOW, "op");
        assertThat(convention.operatorConvention().startsOn()).isEqualTo(convention.startsOn());
        assertThat(convention.operatorConvention().endsOn()).isEqualTo(convention.endsOn());
    }

    @Test
    void a_renewal_is_a_new_convention_linked_to_the_previous_starting_the_day_after_R12() {
        PartnershipConvention first = ConventionMother.signed(4);

        PartnershipConvention second = first.renew("conv-2028", NOW, "op");

        assertThat(second.previousConventionId()).isEqualTo("conv-2025");
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.startsOn()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(second.status()).isEqualTo(ConventionStatus.DRAFT);
        assertThat(second.terms().pledges()).isEqualTo(first.terms().pledges());
        assertThatThrownBy(() -> first.renew("conv-2028-2", NOW, "op")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> second.renew("conv-2031", NOW, "op")).isInstanceOf(Conflict.class);
    }

    @Test
    void the_resource_profile_shows_deviations_from_40_20_25_15_and_900k_without_refusing_R13() {
        List<Pledge> pledges = new java.util.ArrayList<>(ConventionMother.pledges(4));
        pledges.add(ConventionMother.company(5, "100000"));
        PartnershipConvention convention = PartnershipConvention.draft(TEST_BASIN, "c", 1, null, START, ConventionMother.terms(pledges),
                NOW, "op");

        ResourceProfile profile = convention.resourceProfile();

        // companies: 4 × (80 000 + 8 000) + 100 000 + 8 000 = 460 000 of 1 000 000
        assertThat(profile.total()).isEqualByComparingTo("1000000");
        ResourceProfile.Line companies = profile.lines().get(0);
        assertThat(companies.category()).isEqualTo(ResourceCategory.COMPANIES);
        assertThat(companies.sharePercent()).isEqualByComparingTo("46.0");
        assertThat(companies.deviationPoints()).isEqualByComparingTo("6.0");
        assertThat(profile.lines().get(2).sharePercent()).isEqualByComparingTo("22.5");
        assertThat(profile.deviations()).anySatisfy(d -> assertThat(d).startsWith("Entreprises : 46.0 %"));
        assertThat(profile.totalDeviationPercent()).isEqualByComparingTo("11.1");
    }

    @Test
    void the_operator_reimbursement_is_capped_at_10000_a_year_with_all_partners_agreement_R14() {
        List<Pledge> pledges = ConventionMother.pledges(4);
        PartnershipConvention.Terms over = new PartnershipConvention.Terms(pledges, null, null, null, List.of(
                new BudgetLine(2, BudgetLine.Kind.SPENDING, BudgetLine.Category.OPERATOR_REIMBURSEMENT, "salaire", new BigDecimal("6000")),
                new BudgetLine(2, BudgetLine.Kind.SPENDING, BudgetLine.Category.OPERATOR_REIMBURSEMENT, "compétences", new BigDecimal("4500"))),
                true);
        PartnershipConvention.Terms notAgreed = new PartnershipConvention.Terms(pledges, null, null, null, List.of(
                new BudgetLine(1, BudgetLine.Kind.SPENDING, BudgetLine.Category.OPERATOR_REIMBURSEMENT, null, new BigDecimal("8000"))),
                false);

        assertThatThrownBy(() -> PartnershipConvention.draft(TEST_BASIN, "c", 1, null, START, over, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("R-14");
                    assertThat(e.detail()).contains("10500.00");
                });
        assertThatThrownBy(() -> PartnershipConvention.draft(TEST_BASIN, "c", 1, null, START, notAgreed, NOW, "op"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("accord de tous"));
    }

    @Test
    void the_spending_plan_sets_each_year_beside_the_references_R14() {
        SpendingPlan plan = ConventionMother.draft(4).spendingPlan();

        assertThat(plan.years()).hasSize(3);
        assertThat(plan.years().get(0).projectSupport()).isEqualByComparingTo("210000");
        assertThat(plan.years().get(0).localEngineeringReference()).isEqualByComparingTo("90000");
        assertThat(plan.years().get(0).operatorReimbursement()).isEqualByComparingTo("8000");
        assertThat(plan.years().get(1).projectSupport()).isEqualByComparingTo("0");
    }

    @Test
    void amounts_are_positive_euros_with_at_most_two_decimals_and_a_signed_convention_is_frozen() {
        assertThatThrownBy(() -> ConventionMother.company(1, "-1")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> ConventionMother.company(1, "10.001")).isInstanceOf(InvalidInput.class);
        PartnershipConvention signed = ConventionMother.signed(4);

        assertThatThrownBy(() -> signed.revise(ConventionMother.terms(ConventionMother.pledges(5)), NOW, "op"))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.properties()).containsEntry("allowedActions", List.of("renew")));
    }

    @Test
    void a_convention_is_drafted_at_most_one_three_year_term_ahead_R10() {
        assertThatThrownBy(() -> PartnershipConvention.draft(TEST_BASIN, "c", 1, null, LocalDate.of(2029, 3, 3),
                ConventionMother.terms(ConventionMother.pledges(4)), ConventionMother.NOW, "op"))
                .isInstanceOf(org.alize.kernel.problem.InvalidInput.class).hasMessageContaining("3 ans");
        assertThat(PartnershipConvention.draft(TEST_BASIN, "c", 1, null, LocalDate.of(2029, 3, 1),
                ConventionMother.terms(ConventionMother.pledges(4)), ConventionMother.NOW, "op").startsOn())
                .isEqualTo(LocalDate.of(2029, 3, 1));
    }
}
