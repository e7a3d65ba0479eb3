package org.alize.project.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.alize.kernel.ProgrammeReferences;
import org.alize.kernel.problem.RuleViolation;

/**
 * R-25's rhythm of a follow-up: a report every six months after the convention's signature, and a closure only once
 * the mandatary has followed the project 18 months and reported for each half-year, the last within six months.
 */
public final class ReportCadence {

    private ReportCadence() {
    }

    /** When the next report is due: six months after the last one, or after the signature. */
    public static LocalDate nextDue(LocalDate signedOn, List<FollowUpReport> reports) {
        LocalDate last = reports.stream().map(FollowUpReport::reportedOn).max(LocalDate::compareTo).orElse(signedOn);
        return last.plusMonths(ProgrammeReferences.R25_REPORT_EVERY_MONTHS);
    }

    /** Refuses a closure on {@code on} that R-25 does not allow yet, saying why. */
    public static void requireClosable(LocalDate signedOn, List<FollowUpReport> reports, LocalDate on) {
        LocalDate earliest = signedOn.plusMonths(ProgrammeReferences.R25_MINIMUM_FOLLOW_UP_MONTHS);
        if (on == null || on.isBefore(earliest)) {
            throw new RuleViolation("R-25", "Le mandataire suit le projet au moins " + ProgrammeReferences.R25_MINIMUM_FOLLOW_UP_MONTHS
                    + " mois après la signature de la convention (" + signedOn + ") : clôture possible à partir du "
                    + earliest + ".");
        }
        long expected = ChronoUnit.MONTHS.between(signedOn, on) / ProgrammeReferences.R25_REPORT_EVERY_MONTHS;
        long filed = reports.stream().filter(r -> !r.reportedOn().isAfter(on)).count();
        boolean recent = reports.stream().anyMatch(r -> !r.reportedOn().isAfter(on)
                && !r.reportedOn().isBefore(on.minusMonths(ProgrammeReferences.R25_REPORT_EVERY_MONTHS)));
        if (filed < expected || !recent) {
            throw new RuleViolation("R-25", "La clôture suit les comptes rendus du mandataire : " + expected + " attendus pour "
                    + "le suivi depuis le " + signedOn + " (un par semestre), " + filed + " déposé(s)"
                    + (recent ? "" : ", aucun dans les six derniers mois") + ".");
        }
    }
}
