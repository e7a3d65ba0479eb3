package org.alize.project.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.RuleViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportCadenceTest {

    private static final LocalDate SIGNED = LocalDate.of(2024, 1, 15);

    @Test
    @DisplayName("R-25: a report is due six months after the last one, or after the signature")
    void r25_next_report_due() {
        assertThat(ReportCadence.nextDue(SIGNED, List.of())).isEqualTo(LocalDate.of(2024, 7, 15));
        assertThat(ReportCadence.nextDue(SIGNED, List.of(report(LocalDate.of(2024, 7, 1))))).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    @DisplayName("R-25: closing needs 18 months of follow-up and a report for each half-year, the last within six months")
    void r25_closure() {
        List<FollowUpReport> three = List.of(report(LocalDate.of(2024, 7, 10)), report(LocalDate.of(2025, 1, 10)),
                report(LocalDate.of(2025, 7, 10)));
        assertThatThrownBy(() -> ReportCadence.requireClosable(SIGNED, three, LocalDate.of(2025, 7, 14)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("2025-07-15");
        assertThatCode(() -> ReportCadence.requireClosable(SIGNED, three, LocalDate.of(2025, 7, 20))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ReportCadence.requireClosable(SIGNED, three.subList(0, 2), LocalDate.of(2025, 7, 20)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("2 déposé(s)");
    }

    @Test
    @DisplayName("R-24: a skills mission records its deliveries within the days granted, after the signature")
    void r24_a_mission_records_its_deliveries() {
        SkillsMission mission = SkillsMission.granted("msn-1", "org-a", "Arcelor", "qualité", 5, new BigDecimal("800.00"));
        Instant at = Instant.parse("2024-03-01T10:00:00Z");

        SkillsMission delivered = mission.deliver(LocalDate.of(2024, 2, 1), 3, null, SIGNED, LocalDate.of(2024, 3, 1), at, "op");

        assertThat(delivered.daysDelivered()).isEqualTo(3);
        assertThat(delivered.valueDelivered()).isEqualByComparingTo("2400");
        assertThatThrownBy(() -> delivered.deliver(LocalDate.of(2024, 2, 2), 3, null, SIGNED, LocalDate.of(2024, 3, 1), at, "op"))
                .isInstanceOf(Conflict.class).hasMessageContaining("3 des 5");
        assertThatThrownBy(() -> mission.deliver(LocalDate.of(2024, 1, 1), 1, null, SIGNED, LocalDate.of(2024, 3, 1), at, "op"))
                .hasMessageContaining("deliveredOn");
    }

    private static FollowUpReport report(LocalDate on) {
        return new FollowUpReport("rep-" + on, on, new Jobs(1, 0, 0, 0, 0), "avance", null, false, null, "mandataire",
                Instant.parse("2025-01-01T00:00:00Z"), "op");
    }
}
