package org.alize.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgrammeReferencesTest {

    @Test
    @DisplayName("R-13: the reference shares of the four categories of partners make the whole")
    void r13_shares_make_one_hundred_percent() {
        assertThat(ProgrammeReferences.R13_RESOURCE_SHARES.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
    }

    @Test
    @DisplayName("R-41: a convention's jobs are three years of the yearly reference")
    void r41_jobs_over_a_convention() {
        assertThat(ProgrammeReferences.R41_JOBS_PER_CONVENTION)
                .isEqualTo(ProgrammeReferences.R10_CONVENTION_YEARS * ProgrammeReferences.R41_JOBS_PER_YEAR);
        assertThat(ProgrammeReferences.R41_SESSIONS_PER_YEAR_MIN).isLessThanOrEqualTo(ProgrammeReferences.R41_SESSIONS_PER_YEAR_MAX);
    }

    @Test
    void references_read_as_french_labels() {
        assertThat(ProgrammeReferences.euros(ProgrammeReferences.R13_CONVENTION_RESOURCES)).isEqualTo("900 000 €");
        assertThat(ProgrammeReferences.euros(ProgrammeReferences.R14_OPERATOR_REIMBURSEMENT_CAP_PER_YEAR)).isEqualTo("10 000 €");
        assertThat(ProgrammeReferences.percent(ProgrammeReferences.R30_LOSS_RATE_PERCENT)).isEqualTo("6 %");
        assertThat(ProgrammeReferences.percent(new BigDecimal("12.5"))).isEqualTo("12,5 %");
    }
}
