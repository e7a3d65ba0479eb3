package org.alize.basin.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A partnership convention was signed by all its partners, with the operator convention
 * . Carries what finance-service needs (pledges by category, in euros with 2 decimals) and what
 * reporting counts (objectives, budget annex, term). A renewal names the convention it follows.
 */
public record PartnershipConventionSigned(String basinId, String conventionId, int number, String previousConventionId,
        LocalDate startsOn, LocalDate endsOn, LocalDate signedOn, List<Pledge> pledges, Objectives objectives,
        List<BudgetLine> budget, List<Signatory> signatories, List<String> operatorOrganisationIds,
        LocalDate operatorConventionSignedOn, Instant signedAt, String signedBy) {

    /** One partner's pledge over the 3 years. {@code total} = cash + skillsValue + inKind. */
    public record Pledge(String organisationId, String organisationName, String organisationKind, String resourceCategory,
            BigDecimal cash, int skillsDays, BigDecimal skillsDailyValue, BigDecimal skillsValue, BigDecimal inKind,
            BigDecimal total) {
    }

    /** Quantitative objectives (by default R-41's reference activity). */
    public record Objectives(int sessionsPerYearMin, int sessionsPerYearMax, int projectsExaminedPerYear,
            int projectsApprovedPerYear, int jobsPerYear, int jobsOverConvention) {
    }

    /** A line of the budget annex: year 1–3, {@code RESOURCE} or {@code SPENDING}, its category. */
    public record BudgetLine(int year, String kind, String category, BigDecimal amount) {
    }

    /** An organisation that signed, and when. */
    public record Signatory(String organisationId, String organisationKind, LocalDate signedOn) {
    }
}
