package org.alize.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EventContractTest {

    private static final String TYPE = "alize.test.SampleHappened.v1";

    @TestFactory
    Stream<DynamicNode> a_conforming_catalogue_passes_every_check() {
        return EventContract.catalogTests(Map.of(TYPE, SampleHappened.class));
    }

    @Test
    void a_producer_event_that_matches_the_schema_is_accepted() {
        EventContract.assertConforms(TYPE, new SampleHappened("valenciennois", new BigDecimal("12.30"),
                LocalDate.of(2026, 1, 2), List.of()));
    }

    @Test
    void a_missing_required_field_is_named() {
        assertThatThrownBy(() -> EventContract.assertConforms(TYPE,
                "{\"basinId\":\"valenciennois\",\"amount\":1,\"on\":\"2026-01-02\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("tags");
    }

    @Test
    void a_field_of_the_wrong_type_or_pattern_is_refused() {
        assertThatThrownBy(() -> EventContract.assertConforms(TYPE,
                "{\"basinId\":\"Valenciennois!\",\"amount\":\"beaucoup\",\"on\":\"2026-01-02\",\"tags\":[]}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("basinId")
                .hasMessageContaining("amount");
    }

    @Test
    void a_type_without_a_schema_fails_loudly() {
        assertThatThrownBy(() -> EventContract.assertConforms("alize.test.Unknown.v1", "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no schema");
    }

    @Test
    void a_record_that_drops_a_field_of_the_golden_file_fails_the_round_trip() {
        assertThatThrownBy(() -> EventContract.assertRoundTrip(TYPE, SampleWithoutTags.class))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void a_consumer_reads_the_golden_file_into_its_own_narrower_class() {
        SampleWithoutTags event = EventContract.readGolden(TYPE, SampleWithoutTags.class);

        assertThat(event.basinId()).isEqualTo("valenciennois");
        assertThat(event.amount()).isEqualByComparingTo("15000.50");
        assertThat(event.on()).isEqualTo(LocalDate.of(2026, 3, 14));
    }

    @Test
    void an_empty_catalogue_is_an_error_not_a_silent_pass() {
        assertThatThrownBy(() -> EventContract.catalogTests(Map.of())).isInstanceOf(AssertionError.class);
    }
}
