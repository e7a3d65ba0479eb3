package org.alize.kernel;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The programme's reference figures (DOMAIN.md), each named after the rule that sets it, for every service that
 * applies or shows one: a grep of a rule id finds the figure and every computation and label that uses it. A basin's
 * partnership convention may state objectives of its own; these are what holds where it states none.
 */
public final class ProgrammeReferences {

    /** a partnership convention runs three years. */
    public static final int R10_CONVENTION_YEARS = 3;

    /** a convention's resources over its three years, about 900 k€. */
    public static final BigDecimal R13_CONVENTION_RESOURCES = new BigDecimal("900000.00");
    /** each category of partners' reference share of the resources, in percent. */
    public static final Map<String, BigDecimal> R13_RESOURCE_SHARES = Map.of("COMPANIES", new BigDecimal("40.0"),
            "TERRITORIAL_ACTORS", new BigDecimal("20.0"), "LOCAL_AUTHORITIES", new BigDecimal("25.0"),
            "STATE_AND_CDC", new BigDecimal("15.0"));

    /** project support a year (aid granted plus skills delivered), about 210 k€. */
    public static final BigDecimal R14_PROJECT_SUPPORT_PER_YEAR = new BigDecimal("210000.00");
    /** local engineering a year, about 90 k€. */
    public static final BigDecimal R14_LOCAL_ENGINEERING_PER_YEAR = new BigDecimal("90000.00");
    /** the most the operator may be reimbursed a year. */
    public static final BigDecimal R14_OPERATOR_REIMBURSEMENT_CAP_PER_YEAR = new BigDecimal("10000.00");

    /** the mandatary follows an approved project at least 18 months after its convention is signed. */
    public static final int R25_MINIMUM_FOLLOW_UP_MONTHS = 18;
    /** and typically at most 24: past this, the follow-up overruns. */
    public static final int R25_MAXIMUM_FOLLOW_UP_MONTHS = 24;
    /** « reports regularly » — a follow-up report is due every six months. */
    public static final int R25_REPORT_EVERY_MONTHS = 6;

    /** the loss rate a fund is measured against, in percent of the sums lent. */
    public static final BigDecimal R30_LOSS_RATE_PERCENT = new BigDecimal("6.0");
    /** the fund's critical size (cash plus advances outstanding), from 400 k€ ... */
    public static final BigDecimal R30_CRITICAL_FUND_MIN = new BigDecimal("400000.00");
    /** ... to 500 k€. */
    public static final BigDecimal R30_CRITICAL_FUND_MAX = new BigDecimal("500000.00");

    /** ASTREES holds at least three « Vie du réseau » meetings a year. */
    public static final int R40_NETWORK_MEETINGS_PER_YEAR = 3;

    /** a basin holds 6 to 10 committee sessions a year ... */
    public static final int R41_SESSIONS_PER_YEAR_MIN = 6;
    /** */
    public static final int R41_SESSIONS_PER_YEAR_MAX = 10;
    /** examines about 15 projects a year ... */
    public static final int R41_PROJECTS_EXAMINED_PER_YEAR = 15;
    /** approves about 12 ... */
    public static final int R41_PROJECTS_APPROVED_PER_YEAR = 12;
    /** and creates about 75 jobs a year ... */
    public static final int R41_JOBS_PER_YEAR = 75;
    /** ... 225 over a convention. */
    public static final int R41_JOBS_PER_CONVENTION = 225;

    private ProgrammeReferences() {
    }

    /** A reference as a label shows it: « 900 000 € », « 6 % », « 6 à 10 ». */
    public static String euros(BigDecimal amount) {
        return String.format(java.util.Locale.FRANCE, "%,d €", amount.longValue()).replace('\u202f', ' ')
                .replace('\u00a0', ' ');
    }

    public static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }
}
