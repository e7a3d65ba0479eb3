package org.alize.reporting.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.alize.kernel.ProgrammeReferences;
import org.alize.reporting.indicator.ProjectFact.DecisionFact;
import org.alize.reporting.indicator.ProjectFact.MeansFact;

/** What the projects brought over a span: jobs, skills, and the means the committee granted. */
final class ProjectFigures {

    private ProjectFigures() {
    }

    /**
     * Jobs forecast by the approvals of the span, jobs realised over it by the mandataries' reports (lasting ones,
     * R-25, and all), beside R-41's 75 a year or the convention's own objective.
     */
    static YearIndicators.Jobs jobs(BasinFacts facts, Span span, Optional<ConventionFact> convention) {
        int forecast = facts.projects().stream().filter(p -> p.decisionsIn(span).stream().anyMatch(DecisionFact::approvesTheProject))
                .mapToInt(ProjectFact::forecastJobs).sum();
        int lasting = 0;
        int all = 0;
        for (ProjectFact project : facts.projects()) {
            lasting += jobsAt(project, span, ProjectFact.Report::lastingJobs);
            all += jobsAt(project, span, ProjectFact.Report::jobs);
        }
        int reference = convention.map(ConventionFact::jobsPerYear).filter(j -> j > 0).orElse(ProgrammeReferences.R41_JOBS_PER_YEAR);
        return new YearIndicators.Jobs(forecast, lasting, reference, all);
    }

    /** The jobs a project's reports added over the span: the latest report's count at its end less the one before it. */
    private static int jobsAt(ProjectFact project, Span span, Function<ProjectFact.Report, Integer> count) {
        return project.lastReportOn(span.to()).map(count).orElse(0)
                - project.lastReportOn(span.from().minusDays(1)).map(count).orElse(0);
    }

    /**
     * Skills days: pledged by the convention ({@code yearsOfPledges}: 3 for a year, a third of its three-year
     * pledges; 1 for its whole term), contracted by the approvals of the span, delivered in it and their value.
     */
    static YearIndicators.Skills skills(BasinFacts facts, Span span, Optional<ConventionFact> convention, int yearsOfPledges) {
        int pledged = convention.map(c -> c.skillsDaysPledged() / yearsOfPledges).orElse(0);
        int contracted = facts.projects().stream().flatMap(p -> p.decisionsIn(span).stream()).filter(DecisionFact::approved)
                .mapToInt(DecisionFact::skillsDays).sum();
        List<ProjectFact.Delivery> delivered = facts.projects().stream().flatMap(p -> p.deliveries().stream())
                .filter(d -> span.contains(d.on())).toList();
        return new YearIndicators.Skills(pledged, contracted, delivered.stream().mapToInt(ProjectFact.Delivery::days).sum(),
                Figures.money(delivered.stream().map(ProjectFact.Delivery::value).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    /** the means granted by the approvals of the span (a new intervention's included), by kind. */
    static YearIndicators.Means means(BasinFacts facts, Span span) {
        List<MeansFact> granted = facts.projects().stream().flatMap(p -> p.decisionsIn(span).stream())
                .filter(d -> d.approved() && d.means() != null).map(DecisionFact::means).toList();
        return new YearIndicators.Means(sum(granted, MeansFact::skills), sum(granted, MeansFact::inKind),
                sum(granted, MeansFact::advance), sum(granted, MeansFact::loan), sum(granted, MeansFact::direct));
    }

    private static BigDecimal sum(List<MeansFact> means, Function<MeansFact, BigDecimal> kind) {
        return Figures.money(means.stream().map(kind).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
