package org.alize.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.alize.kernel.problem.InvalidInput;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void an_amount_is_held_with_two_decimals() {
        assertThat(Money.positive(new BigDecimal("12.5"), "amount")).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.nonNegative(BigDecimal.ZERO, "amount")).isEqualTo(Money.ZERO);
    }

    @Test
    void more_than_two_decimals_is_refused_not_rounded() {
        assertThatThrownBy(() -> Money.positive(new BigDecimal("12.345"), "amount")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("deux décimales");
        // trailing zeros are not precision
        assertThat(Money.positive(new BigDecimal("12.3400"), "amount")).isEqualTo(new BigDecimal("12.34"));
    }

    @Test
    void the_ceiling_is_ten_million_euros() {
        assertThat(Money.positive(new BigDecimal("10000000"), "amount")).isEqualByComparingTo("10000000");
        assertThatThrownBy(() -> Money.positive(new BigDecimal("10000000.01"), "amount")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Money.positive(new BigDecimal("1e308"), "amount")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void absent_is_refused_unless_the_caller_says_it_means_none() {
        assertThatThrownBy(() -> Money.positive(null, "amount")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("obligatoire");
        assertThatThrownBy(() -> Money.nonNegative(null, "amount")).isInstanceOf(InvalidInput.class);
        assertThat(Money.orZero(null, "cash")).isEqualTo(Money.ZERO);
    }

    @Test
    void zero_and_negative_amounts_are_refused_where_a_payment_is_meant() {
        assertThatThrownBy(() -> Money.positive(BigDecimal.ZERO, "amount")).hasMessageContaining("positif");
        assertThatThrownBy(() -> Money.orZero(new BigDecimal("-1"), "cash")).hasMessageContaining("négatif");
    }

    @Test
    void the_field_is_named_in_the_refusal() {
        assertThatThrownBy(() -> Money.positive(new BigDecimal("-3"), "pledges[2].cash"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.properties().get("errors")).asString()
                        .contains("pledges[2].cash"));
    }

    @Test
    void computed_amounts_are_rounded_to_the_cent() {
        assertThat(Money.euros(new BigDecimal("833.335"))).isEqualTo(new BigDecimal("833.34"));
    }
}
