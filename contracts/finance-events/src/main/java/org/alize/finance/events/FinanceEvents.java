package org.alize.finance.events;

import java.util.Map;

/** The topic of finance-service and its catalogue of event types ({@code ce_type} to record). */
public final class FinanceEvents {

    /** Key: the basin id. Retention: unlimited. */
    public static final String TOPIC = "alize.finance.v1";
    public static final String DEAD_LETTER_TOPIC = TOPIC + "-dlt";

    public static final String CONTRIBUTION_RECEIVED = "alize.finance.ContributionReceived.v1";
    public static final String VALUED_CONTRIBUTION_RECORDED = "alize.finance.ValuedContributionRecorded.v1";
    public static final String ADVANCE_OPENED = "alize.finance.AdvanceOpened.v1";
    public static final String ADVANCE_DISBURSED = "alize.finance.AdvanceDisbursed.v1";
    public static final String REPAYMENT_RECEIVED = "alize.finance.RepaymentReceived.v1";
    public static final String REPAYMENT_REVERSED = "alize.finance.RepaymentReversed.v1";
    public static final String ADVANCE_RESCHEDULED = "alize.finance.AdvanceRescheduled.v1";
    public static final String ADVANCE_WRITTEN_OFF = "alize.finance.AdvanceWrittenOff.v1";
    public static final String LOSS_RECOVERED = "alize.finance.LossRecovered.v1";
    public static final String TRANSFER_RECORDED = "alize.finance.TransferRecorded.v1";
    public static final String OPERATING_EXPENSE_RECORDED = "alize.finance.OperatingExpenseRecorded.v1";
    public static final String MOVEMENT_REVERSED = "alize.finance.MovementReversed.v1";

    public static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry(CONTRIBUTION_RECEIVED, ContributionReceived.class),
            Map.entry(VALUED_CONTRIBUTION_RECORDED, ValuedContributionRecorded.class),
            Map.entry(ADVANCE_OPENED, AdvanceOpened.class),
            Map.entry(ADVANCE_DISBURSED, AdvanceDisbursed.class),
            Map.entry(REPAYMENT_RECEIVED, RepaymentReceived.class),
            Map.entry(REPAYMENT_REVERSED, RepaymentReversed.class),
            Map.entry(ADVANCE_RESCHEDULED, AdvanceRescheduled.class),
            Map.entry(ADVANCE_WRITTEN_OFF, AdvanceWrittenOff.class),
            Map.entry(LOSS_RECOVERED, LossRecovered.class),
            Map.entry(TRANSFER_RECORDED, TransferRecorded.class),
            Map.entry(OPERATING_EXPENSE_RECORDED, OperatingExpenseRecorded.class),
            Map.entry(MOVEMENT_REVERSED, MovementReversed.class));

    private FinanceEvents() {
    }
}
