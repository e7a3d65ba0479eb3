package org.alize.project.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every required party signed the project's cooperation convention: support starts. Carries what
 * finance-service needs to open the advance (granted terms and the annex's repayment calendar) and
 * what reporting counts.
 *
 * @param advance the granted advance with its repayment calendar, or {@code null}
 */
public record CooperationConventionSigned(String basinId, String projectId, String reference, String conventionId,
        LocalDate signedOn, String companyName, String siret, String mandataryId, AdvanceAnnex advance,
        Means.SubsidisedLoan subsidisedLoan, Means.DirectFinancing directFinancing, List<Means.SkillsMission> skillsMissions,
        List<Means.InKind> inKind, List<Signatory> signatories, Instant signedAt, String signedBy) {

    /** The advance annex, signed by the operator too: amount, terms and calendar (instalments to the cent). */
    public record AdvanceAnnex(BigDecimal amount, int durationMonths, int graceMonths, String frequency,
            List<Instalment> schedule) {

        /**
         * The longest term of an advance or a subsidised loan, grace included. The programme's advances are
         * repaid over a few years once the SME is on its feet (the mandatary follows it 18–24 months, R-25);
         * ten years is twice the longest honest term, and keeps a schedule at 120 monthly instalments.
         */
        public static final int MAX_DURATION_MONTHS = 120;
        /** The longest grace period: the 24 months of the mandatary's follow-up. */
        public static final int MAX_GRACE_MONTHS = 24;
    }

    public record Instalment(int number, LocalDate dueOn, BigDecimal amount) {
    }

    /**
     * {@code role}: {@code SME_HEAD}, {@code COMMITTEE_PRESIDENT}, {@code SKILLS_PARTNER}, {@code MANDATARY}, {@code OPERATOR}.
     * {@code name} is null: no personal data on the topics (the project's API shows who signed).
     */
    public record Signatory(String role, String name, String organisationId, LocalDate signedOn) {
    }
}
