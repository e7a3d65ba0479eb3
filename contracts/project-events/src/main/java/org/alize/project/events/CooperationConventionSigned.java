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
    }

    public record Instalment(int number, LocalDate dueOn, BigDecimal amount) {
    }

    /** {@code role}: {@code SME_HEAD}, {@code COMMITTEE_PRESIDENT}, {@code SKILLS_PARTNER}, {@code MANDATARY}, {@code OPERATOR}. */
    public record Signatory(String role, String name, String organisationId, LocalDate signedOn) {
    }
}
