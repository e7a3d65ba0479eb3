package org.alize.reporting.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.alize.project.events.ProjectSubmitted;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FactWriterTest {

    @Test
    @DisplayName("a submission is filed on its business date, however long after it was recorded")
    void aSubmissionIsFiledOnItsBusinessDate() {
        ProjectSubmitted late = submitted(LocalDate.of(2023, 8, 24), Instant.parse("2026-12-01T09:00:00Z"));

        assertThat(FactWriter.submittedOn(late)).isEqualTo(LocalDate.of(2023, 8, 24));
    }

    @Test
    @DisplayName("an event from before business dates is filed on its recording day in Paris: 23:30 UTC on 31 December is 1 January")
    void anOlderEventIsFiledOnItsRecordingDayInParis() {
        ProjectSubmitted older = submitted(null, Instant.parse("2025-12-31T23:30:00Z"));

        assertThat(FactWriter.submittedOn(older)).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    private static ProjectSubmitted submitted(LocalDate on, Instant at) {
        return new ProjectSubmitted("p1", "2023-001", "b", "Entreprise", null, null, "EXISTING_SME_DEVELOPMENT", 4, null,
                List.of(), on, at, "test");
    }
}
