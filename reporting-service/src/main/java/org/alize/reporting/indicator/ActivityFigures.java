package org.alize.reporting.indicator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.alize.kernel.ProgrammeReferences;
import org.alize.reporting.indicator.ProjectFact.DecisionFact;

/** The committee's and the network's activity over a span: sessions, projects examined, delays, meetings. */
final class ActivityFigures {

    private ActivityFigures() {
    }

    /**
     * Sessions held and validated, projects submitted, examined and decided, reports overdue today, beside the R-41
     * references — or the objectives the convention in force states.
     */
    static YearIndicators.Activity activity(BasinFacts facts, Span span, LocalDate today, Optional<ConventionFact> convention) {
        int held = (int) facts.sessions().stream().filter(s -> span.contains(s.heldOn())).count();
        int validated = (int) facts.sessions().stream().filter(s -> span.contains(s.heldOn()) && s.validatedOn() != null).count();
        int submitted = (int) facts.projects().stream().filter(p -> span.contains(p.submittedOn())).count();
        int examined = 0;
        int approved = 0;
        int rejected = 0;
        int postponed = 0;
        for (ProjectFact project : facts.projects()) {
            // a new intervention on a project followed grants means; the project is not examined anew
            List<String> outcomes = project.decisionsIn(span).stream().filter(d -> !d.intervention()).map(DecisionFact::outcome)
                    .toList();
            if (!outcomes.isEmpty()) {
                examined++;
                approved += outcomes.contains(DecisionFact.APPROVED) ? 1 : 0;
                rejected += outcomes.contains(DecisionFact.REJECTED) ? 1 : 0;
                postponed += outcomes.contains(DecisionFact.POSTPONED) ? 1 : 0;
            }
        }
        int overdue = span.contains(today) ? (int) facts.projects().stream().filter(p -> reportOverdue(p, today)).count() : 0;
        return new YearIndicators.Activity(held, validated,
                objective(convention.map(ConventionFact::sessionsPerYearMin), ProgrammeReferences.R41_SESSIONS_PER_YEAR_MIN),
                objective(convention.map(ConventionFact::sessionsPerYearMax), ProgrammeReferences.R41_SESSIONS_PER_YEAR_MAX),
                submitted, examined,
                objective(convention.map(ConventionFact::projectsExaminedPerYear), ProgrammeReferences.R41_PROJECTS_EXAMINED_PER_YEAR),
                approved,
                objective(convention.map(ConventionFact::projectsApprovedPerYear), ProgrammeReferences.R41_PROJECTS_APPROVED_PER_YEAR),
                rejected, postponed, overdue);
    }

    /** the convention's own objective where it states one, else the programme's reference. */
    static int objective(Optional<Integer> stated, int reference) {
        return stated.filter(v -> v > 0).orElse(reference);
    }

    /** a report is due every six months after the last one (or the signature) while the project is followed. */
    static boolean reportOverdue(ProjectFact project, LocalDate today) {
        if (!project.followed()) {
            return false;
        }
        LocalDate last = project.reports().stream().map(ProjectFact.Report::on).max(Comparator.naturalOrder())
                .orElse(Objects.requireNonNull(project.signedOn(), "a project followed has signed its convention"));
        return today.isAfter(last.plusMonths(ProgrammeReferences.R25_REPORT_EVERY_MONTHS));
    }

    /**
     * days from submission to the first decision, from the approval to the convention's signature, from the
     * signature to the first disbursement, for the steps that ended within the span.
     */
    static YearIndicators.ProcessingTimes processingTimes(BasinFacts facts, Span span) {
        List<Integer> toDecision = new ArrayList<>();
        List<Integer> toSignature = new ArrayList<>();
        List<Integer> toDisbursement = new ArrayList<>();
        for (ProjectFact project : facts.projects()) {
            Optional<LocalDate> firstDecision = project.decisions().stream().map(DecisionFact::decidedOn)
                    .filter(Objects::nonNull).map(Objects::requireNonNull).min(Comparator.naturalOrder());
            Optional<LocalDate> approval = project.approvedOn();
            LocalDate signed = project.signedOn();
            Optional<LocalDate> firstDisbursement = project.disbursements().stream().min(Comparator.naturalOrder());
            LocalDate submitted = project.submittedOn();
            if (submitted != null && firstDecision.filter(span::contains).isPresent()) {
                addIfInOrder(toDecision, submitted, firstDecision.get());
            }
            if (signed != null && span.contains(signed) && approval.isPresent()) {
                addIfInOrder(toSignature, approval.get(), signed);
            }
            if (signed != null && firstDisbursement.filter(span::contains).isPresent()) {
                addIfInOrder(toDisbursement, signed, firstDisbursement.get());
            }
        }
        return new YearIndicators.ProcessingTimes(Percentiles.of(toDecision), Percentiles.of(toSignature),
                Percentiles.of(toDisbursement));
    }

    /**
     * A delay counts only if its steps are in order: a file recorded after its decision (entered a posteriori,
     * as when a basin moves its history onto the platform) says nothing about how long the basin took.
     */
    private static void addIfInOrder(List<Integer> delays, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days >= 0) {
            delays.add((int) days);
        }
    }

    /** « Vie du réseau » meetings held, national events apart, and those the basin attended. */
    static YearIndicators.Network network(BasinFacts facts, Span span) {
        List<MeetingFact> meetings = facts.meetings().stream().filter(m -> span.contains(m.heldOn())).toList();
        int national = (int) meetings.stream().filter(MeetingFact::national).count();
        int attended = (int) meetings.stream().filter(m -> !m.national() && m.attended()).count();
        return new YearIndicators.Network(meetings.size() - national, ProgrammeReferences.R40_NETWORK_MEETINGS_PER_YEAR, national,
                attended);
    }
}
