package org.alize.basin.registry;

import static org.alize.basin.registry.BasinMother.NOW;
import static org.alize.basin.registry.BasinMother.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.alize.basin.events.BasinRegistered;
import org.alize.basin.events.BasinStatusChanged;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.BasinId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BasinTest {

    @Test
    void a_registered_basin_awaits_the_national_committee_with_its_priority_criteria_R01() {
        Basin basin = BasinMother.proposed();

        assertThat(basin.status()).isEqualTo(BasinStatus.PROPOSED);
        assertThat(basin.priorityCriteria()).containsExactly(PriorityCriterion.FORESEEABLE_INDUSTRIAL_CHANGE);
        assertThat(basin.raisedEvents()).singleElement().isInstanceOfSatisfying(BasinRegistered.class, event -> {
            assertThat(event.status()).isEqualTo("PROPOSED");
            assertThat(event.communes()).extracting(BasinRegistered.Commune::inseeCode).containsExactly("59606", "59172");
        });
    }

    @Test
    void any_basin_is_eligible_without_priority_criteria_R01() {
        Basin basin = Basin.register(BasinId.of("terres-de-lorraine"), new Basin.Details("Terres de Lorraine", "Grand Est",
                List.of(new Commune("54528", "Toul")), Set.of(), null), NOW, "astrees");

        assertThat(basin.priorityCriteria()).isEmpty();
    }

    @Test
    void the_perimeter_is_a_free_list_of_at_least_one_commune_R02() {
        assertThatThrownBy(() -> Basin.register(BasinId.of("vide"), new Basin.Details("Vide", "Nulle part", List.of(),
                Set.of(), null), NOW, "astrees"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-02"));
    }

    @Test
    void a_commune_cited_twice_or_with_a_bad_insee_code_is_refused_R02() {
        assertThatThrownBy(() -> new Commune("5960", "Valenciennes")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("code INSEE invalide");
        assertThatThrownBy(() -> Basin.register(BasinId.of("double"), new Basin.Details("Double", "Hauts-de-France",
                List.of(new Commune("59606", "Valenciennes"), new Commune("59606", "Valenciennes")), Set.of(), null),
                NOW, "astrees")).isInstanceOf(InvalidInput.class).hasMessageContaining("citée deux fois");
        assertThat(new Commune("2A004", "Ajaccio").inseeCode()).isEqualTo("2A004");
    }

    @Test
    void the_national_committee_validates_with_a_dated_decision_reference_R01() {
        Basin basin = BasinMother.proposed();

        basin.validate(TODAY.minusDays(3), "CNP-2026-02", "dossier complet", TODAY, NOW, "claire");

        assertThat(basin.status()).isEqualTo(BasinStatus.VALIDATED);
        assertThat(basin.validatedOn()).isEqualTo(TODAY.minusDays(3));
        assertThat(basin.history()).singleElement().satisfies(t -> {
            assertThat(t.by()).isEqualTo("claire");
            assertThat(t.decisionReference()).isEqualTo("CNP-2026-02");
        });
        assertThat(basin.raisedEvents()).last().isInstanceOfSatisfying(BasinStatusChanged.class,
                e -> assertThat(e.status()).isEqualTo("VALIDATED"));
    }

    @Test
    void a_validation_without_decision_reference_or_dated_in_the_future_is_refused_R01() {
        Basin basin = BasinMother.proposed();

        assertThatThrownBy(() -> basin.validate(TODAY, " ", null, TODAY, NOW, "claire"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-01"));
        assertThatThrownBy(() -> basin.validate(TODAY.plusDays(1), "CNP", null, TODAY, NOW, "claire"))
                .isInstanceOf(InvalidInput.class);
        assertThat(basin.status()).isEqualTo(BasinStatus.PROPOSED);
    }

    @Test
    @DisplayName("an illegal transition is a conflict naming the allowed actions")
    void an_illegal_transition_is_a_conflict_naming_the_allowed_actions() {
        Basin basin = BasinMother.validated();

        assertThatThrownBy(() -> basin.validate(TODAY, "CNP", null, TODAY, NOW, "claire"))
                .isInstanceOfSatisfying(Conflict.class, e -> {
                    assertThat(e.properties()).containsEntry("allowedActions", List.of("activate", "close"));
                    assertThat(e.detail()).contains("validé");
                });
    }

    @Test
    void activation_is_refused_while_the_operator_or_the_convention_is_missing_R03() {
        Basin basin = BasinMother.validated();

        assertThatThrownBy(() -> basin.activate(List.of("aucun opérateur local désigné"), null, TODAY, NOW, "claire"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.detail()).contains("aucun opérateur local"));
        assertThat(basin.status()).isEqualTo(BasinStatus.VALIDATED);
    }

    @Test
    void an_active_basin_is_suspended_and_resumed_with_reasons_kept_in_its_history() {
        Basin basin = BasinMother.active();

        basin.suspend("départ de l'opérateur", TODAY, NOW, "claire");
        basin.activate(List.of(), "nouvel opérateur désigné", TODAY, NOW, "claire");

        assertThat(basin.status()).isEqualTo(BasinStatus.ACTIVE);
        assertThat(basin.history()).extracting(Transition::action)
                .containsExactly("VALIDATE", "ACTIVATE", "SUSPEND", "ACTIVATE");
        assertThat(basin.history().get(2).reason()).isEqualTo("départ de l'opérateur");
    }

    @Test
    void suspending_or_closing_needs_a_reason_and_a_closed_basin_is_final() {
        Basin basin = BasinMother.active();

        assertThatThrownBy(() -> basin.suspend(" ", TODAY, NOW, "claire")).isInstanceOf(InvalidInput.class);
        basin.close("fin du programme local", TODAY, NOW, "claire");

        assertThatThrownBy(() -> basin.activate(List.of(), null, TODAY, NOW, "claire")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> basin.changeDetails(BasinMother.valenciennoisDetails(), NOW, "claire"))
                .isInstanceOf(Conflict.class);
    }
}
