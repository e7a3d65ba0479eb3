package org.alize.finance.events;

import java.util.Map;

/** The topic of finance-service and its catalogue of event types ({@code ce_type} to record). */
public final class FinanceEvents {

    /** Key: the basin id. Retention: unlimited. */
    public static final String TOPIC = "alize.finance.v1";
    public static final String DEAD_LETTER_TOPIC = TOPIC + "-dlt";

    public static final String CONTRIBUTION_RECEIVED = "alize.finance.ContributionReceived.v1";

    public static final Map<String, Class<?>> TYPES = Map.of(
            CONTRIBUTION_RECEIVED, ContributionReceived.class);

    private FinanceEvents() {
    }
}
