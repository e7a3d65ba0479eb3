package org.alize.project.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The convention signs itself, without the project around it. */
class CooperationConventionTest {

    private static final LocalDate APPROVED = LocalDate.of(2026, 3, 10);
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    private static final Instant AT = Instant.parse("2026-04-01T09:00:00Z");

    private final CooperationConvention prepared = CooperationConvention.prepare("cc-1", APPROVED, List.of(
            RequiredSignature.of(SignatoryRole.SME_HEAD, "Claire Martin", null),
            RequiredSignature.of(SignatoryRole.COMMITTEE_PRESIDENT, "Isabelle Roche", "org-hrs")));

    @Test
    @DisplayName("R-24: each party signs once, on a day after the approval and not in the future")
    void r24_each_party_signs_once_within_its_dates() {
        CooperationConvention once = prepared.sign("SME_HEAD", " Claire Martin ", LocalDate.of(2026, 3, 20), TODAY, AT, "op");

        assertThat(once.lastSignature().signatory()).isEqualTo("Claire Martin");
        assertThat(once.missing()).extracting(RequiredSignature::key).containsExactly("COMMITTEE_PRESIDENT");
        assertThatThrownBy(() -> once.sign("SME_HEAD", "Claire Martin", TODAY, TODAY, AT, "op")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> once.sign("COMMITTEE_PRESIDENT", "I. Roche", LocalDate.of(2026, 3, 9), TODAY, AT, "op"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("signedOn");
        assertThatThrownBy(() -> once.sign("COMMITTEE_PRESIDENT", "I. Roche", TODAY.plusDays(1), TODAY, AT, "op"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> once.sign("OPERATOR", "X", TODAY, TODAY, AT, "op")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("COMMITTEE_PRESIDENT");
    }

    @Test
    @DisplayName("R-24: complete once every party has signed, on the last signature's day, with the advance's calendar")
    void r24_signed_on_the_last_signature_with_its_calendar() {
        CooperationConvention both = prepared.sign("COMMITTEE_PRESIDENT", "Isabelle Roche", LocalDate.of(2026, 3, 25), TODAY, AT, "op")
                .sign("SME_HEAD", "Claire Martin", LocalDate.of(2026, 3, 20), TODAY, AT, "op");

        CooperationConvention signed = both.complete(on -> RepaymentCalendar.of(new BigDecimal("1000.00"), 3, 2, 1, on));

        assertThat(signed.signedOn()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(signed.schedule()).extracting(Instalment::dueOn).containsExactly(LocalDate.of(2026, 6, 25),
                LocalDate.of(2026, 7, 25), LocalDate.of(2026, 8, 25));
        assertThat(signed.schedule()).extracting(Instalment::amount).containsExactly(new BigDecimal("333.33"),
                new BigDecimal("333.33"), new BigDecimal("333.34"));
        assertThatThrownBy(() -> prepared.complete(on -> List.of())).isInstanceOf(IllegalStateException.class);
    }
}
