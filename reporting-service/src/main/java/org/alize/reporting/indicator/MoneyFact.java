package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.Reading.day;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A movement of the basin's money ({@link Facts#MONEY}): a contribution, a valued contribution, a transfer or an
 * expense, of its business day; a reversal is one more of the opposite amount.
 */
public record MoneyFact(@Nullable String kind, @Nullable String account, @Nullable String category, BigDecimal amount,
        @Nullable LocalDate on) {

    public static final String KIND = "kind";
    public static final String ACCOUNT = "account";
    public static final String CATEGORY = "category";
    public static final String AMOUNT = "amount";
    public static final String ON = "on";

    public static final String CONTRIBUTION = "CONTRIBUTION";
    /** Followed by the kind of help: skills or in kind. */
    public static final String VALUED = "VALUED_";
    public static final String TRANSFER = "TRANSFER";
    public static final String EXPENSE = "EXPENSE";

    public static final String ADVANCE_FUND = "ADVANCE_FUND";
    public static final String OPERATING_ACCOUNT = "OPERATING_ACCOUNT";
    /** The account a valued contribution for the operator's use is booked to. */
    public static final String OPERATOR = "OPERATOR";
    public static final String LOCAL_ENGINEERING = "LOCAL_ENGINEERING";
    public static final String OPERATOR_REIMBURSEMENT = "OPERATOR_REIMBURSEMENT";

    public static MoneyFact read(Document d) {
        return new MoneyFact(d.getString(KIND), d.getString(ACCOUNT), d.getString(CATEGORY), Reading.amount(d.get(AMOUNT)), day(d.get(ON)));
    }

    public boolean is(String kindOf) {
        return kindOf.equals(kind);
    }

    public boolean valued() {
        return kind != null && kind.startsWith(VALUED);
    }
}
