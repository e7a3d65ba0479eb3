package org.alize.reporting.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.alize.reporting.indicator.Facts;
import org.alize.reporting.indicator.Freshness;
import org.alize.reporting.indicator.Generation;
import org.alize.reporting.indicator.YearIndicators;
import org.alize.testing.SettableClock;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The refresh of a basin's years from its facts, with the store answered by hand and the clock set. */
class IndicatorProjectorTest {

    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private IndicatorProjector projector() {
        return new IndicatorProjector(null, null, mongo, clock, null, new FactsCache(1000),
                new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
    }

    @Test
    @DisplayName("R-30: at 00:30 in Paris (23:30 UTC the day before), the cash received that day counts in the fund's balance")
    void theBasinsDayIsParisDayNotUtcs() {
        Document received = new Document("_id", "b/c1").append("basinId", "b").append("kind", "CONTRIBUTION")
                .append("account", "ADVANCE_FUND").append("category", "CASH").append("amount", new BigDecimal("1000"))
                .append("on", "2026-12-02");
        when(mongo.find(any(Query.class), eq(Document.class), anyString())).thenAnswer(call ->
                Facts.MONEY.equals(call.getArgument(2)) ? List.of(received) : List.of());
        clock.set(Instant.parse("2026-12-01T23:30:00Z"));

        List<YearIndicators> years = projector().refresh("b", new Freshness("b", "e1", "ContributionReceived",
                clock.instant(), clock.instant(), 1), Generation.FIRST, 1);

        assertThat(years).filteredOn(year -> year.year() == 2026).singleElement()
                .satisfies(year -> assertThat(year.fund().balance()).isEqualByComparingTo("1000"));
    }

    @Test
    @DisplayName("R-30: on 31 December at 23:30 UTC it is already 1 January in Paris: the new year's indicators exist")
    void theNewYearBeginsAtParisMidnight() {
        when(mongo.find(any(Query.class), eq(Document.class), anyString())).thenReturn(List.of());
        clock.set(Instant.parse("2026-12-31T23:30:00Z"));

        List<YearIndicators> years = projector().refresh("b", new Freshness("b", null, null, null, clock.instant(), 0),
                Generation.FIRST, 0);

        assertThat(years).extracting(YearIndicators::year).contains(2027);
    }
}
