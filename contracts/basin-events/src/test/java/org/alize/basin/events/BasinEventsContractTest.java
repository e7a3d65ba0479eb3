package org.alize.basin.events;

import java.util.stream.Stream;

import org.alize.testing.contract.EventContract;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class BasinEventsContractTest {

    @TestFactory
    Stream<DynamicNode> every_basin_event_type_has_a_schema_and_a_golden_file_that_round_trips() {
        return EventContract.catalogTests(BasinEvents.TYPES);
    }
}
