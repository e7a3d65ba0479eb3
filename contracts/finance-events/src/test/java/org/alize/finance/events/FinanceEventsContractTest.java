package org.alize.finance.events;

import java.util.stream.Stream;

import org.alize.testing.contract.EventContract;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class FinanceEventsContractTest {

    @TestFactory
    Stream<DynamicNode> every_finance_event_type_has_a_schema_and_a_golden_file_that_round_trips() {
        return EventContract.catalogTests(FinanceEvents.TYPES);
    }
}
