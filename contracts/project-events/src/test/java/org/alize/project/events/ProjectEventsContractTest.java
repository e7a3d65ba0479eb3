package org.alize.project.events;

import java.util.stream.Stream;

import org.alize.testing.contract.EventContract;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class ProjectEventsContractTest {

    @TestFactory
    Stream<DynamicNode> every_project_event_type_has_a_schema_and_a_golden_file_that_round_trips() {
        return EventContract.catalogTests(ProjectEvents.TYPES);
    }
}
