package org.alize.basin.imports;

import java.time.Clock;
import java.util.List;

import org.alize.documents.imports.Imports;
import org.alize.messaging.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The basin's imports: partners with their pledges, and people, judged by {@link RowPlanner}. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    Imports<RowPlanner.Context> basinImports(MongoTemplate mongo, OutboxRelay relay, RowPlanner planner, Clock clock) {
        return new Imports<>(mongo, planner, List.of(ImportKind.values()), clock, relay::backlog);
    }
}
