package org.alize.tenancy.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.alize.kernel.problem.InvalidInput;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class BoundedInputModuleTest {

    record Pledge(String partner, BigDecimal amount, LocalDate on) {
    }

    record Convention(String name, List<Pledge> pledges, Integer jobs, Map<String, String> notes) {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(new BoundedInputModule())
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Test
    void reads_values_within_bounds_as_jackson_would() {
        Convention convention = json.readValue("""
                {"name":"Bassin du Hainaut\\nligne 2","pledges":[{"partner":"Verrerie","amount":12500.5,"on":"2024-07-01"}],
                 "jobs":3}""", Convention.class);

        assertThat(convention.pledges().get(0).amount()).isEqualByComparingTo("12500.50");
        assertThat(convention.pledges().get(0).on()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(convention.name()).contains("\n");
    }

    @Test
    void refuses_a_nul_or_a_right_to_left_override_in_a_text_naming_the_field() {
        assertField("{\"name\":\"Acme\\u0000\"}", "name", "contrôle");
        assertField("{\"name\":\"Acme\\u202Eevil\"}", "name", "sens d'écriture");
        assertField("{\"pledges\":[{\"partner\":\"\\ud800x\"}]}", "pledges[0].partner", "incomplet");
    }

    @Test
    void refuses_a_text_longer_than_the_cap() {
        assertField("{\"name\":\"" + "a".repeat(InputBounds.MAX_TEXT_LENGTH + 1) + "\"}", "name", "au plus");
    }

    @Test
    void refuses_amounts_beyond_the_ceiling_or_finer_than_the_cent() {
        assertField("{\"pledges\":[{\"amount\":1e308}]}", "pledges[0].amount", "10 000 000");
        assertField("{\"pledges\":[{\"amount\":1.23e22}]}", "pledges[0].amount", "10 000 000");
        assertField("{\"pledges\":[{\"amount\":0.001}]}", "pledges[0].amount", "deux décimales");
        assertField("{\"pledges\":[{\"amount\":1.2345678901234567890123456789012345}]}", "pledges[0].amount", "deux décimales");
    }

    @Test
    void refuses_a_count_of_two_to_the_thirty_first() {
        assertField("{\"jobs\":2147483647}", "jobs", "1 000 000");
        assertField("{\"jobs\":-2147483648}", "jobs", "1 000 000");
    }

    @Test
    void refuses_dates_outside_the_programme_window() {
        assertField("{\"pledges\":[{\"on\":\"0000-01-01\"}]}", "pledges[0].on", "antérieure");
        assertField("{\"pledges\":[{\"on\":\"-0001-01-01\"}]}", "pledges[0].on", "antérieure");
        assertField("{\"pledges\":[{\"on\":\"9999-12-31\"}]}", "pledges[0].on", "lointaine");
        assertField("{\"pledges\":[{\"on\":\"+10000-01-01\"}]}", "pledges[0].on", "lointaine");
    }

    @Test
    void refuses_lists_and_maps_over_the_size_cap() {
        String pledges = "{\"pledges\":[" + "{},".repeat(InputBounds.MAX_LIST_SIZE) + "{}]}";
        assertField(pledges, "pledges", "au plus 1000 éléments");
    }

    @Test
    void refuses_a_fraction_where_a_count_is_expected_and_a_field_given_twice() {
        assertThatThrownBy(() -> json.readValue("{\"jobs\":3.5}", Convention.class)).hasMessageContaining("jobs");
        assertThatThrownBy(() -> json.readValue("{\"jobs\":3,\"jobs\":4}", Convention.class))
                .hasMessageContaining("Duplicate");
    }

    private void assertField(String body, String field, String message) {
        assertThatThrownBy(() -> json.readValue(body, Convention.class))
                .satisfies(failure -> {
                    Throwable cause = failure;
                    while (cause != null && !(cause instanceof InvalidInput)) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).as("an InvalidInput in %s", failure).isInstanceOf(InvalidInput.class);
                    @SuppressWarnings("unchecked")
                    List<InvalidInput.FieldError> errors = (List<InvalidInput.FieldError>) ((InvalidInput) cause).properties().get("errors");
                    assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo(field);
                        assertThat(error.message()).contains(message);
                    });
                });
    }
}
