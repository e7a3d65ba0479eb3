package org.alize.project.imports;

import java.time.Clock;
import java.util.List;

import org.alize.documents.imports.Imports;
import org.alize.messaging.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The basin's imports of past projects, judged by {@link PastProjectPlanner}. */
@Configuration(proxyBeanMethods = false)
class ProjectImportConfiguration {

    @Bean
    Imports<PastProjectPlanner.Context> projectImports(MongoTemplate mongo, OutboxRelay relay, PastProjectPlanner planner,
            Clock clock) {
        return new Imports<>(mongo, planner, List.of(PastProjects.PAST_PROJECTS), clock, relay::backlog);
    }
}
