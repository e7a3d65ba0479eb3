package org.alize.reporting.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.alize.kernel.ProgrammeReferences;
import org.alize.reporting.indicator.ProjectFact.DecisionFact;

/**
 * Computes a basin's indicators for a year, or over a partnership convention's term, from its facts; no Spring, no
 * database. Each part is a small function of the facts and the span ({@link ActivityFigures}, {@link ProjectFigures},
 * {@link MoneyFigures}).
 */
public final class IndicatorCalculator {

    private IndicatorCalculator() {
    }

    /**
     * The years the basin's facts speak of: every year that holds the business date of a fact, so that history
     * entered after the fact (a repayment, a reversal, a write-off or a recovery of a past year) has that year's
     * indicators.
     */
    public static TreeSet<Integer> years(BasinFacts facts, LocalDate today) {
        TreeSet<Integer> years = new TreeSet<>();
        years.add(today.getYear());
        Stream.of(facts.projects().stream().flatMap(IndicatorCalculator::days),
                facts.sessions().stream().map(SessionFact::heldOn), facts.meetings().stream().map(MeetingFact::heldOn),
                facts.money().stream().map(MoneyFact::on), facts.advances().stream().flatMap(a -> a.days().stream()))
                .flatMap(days -> days).filter(java.util.Objects::nonNull).forEach(day -> years.add(day.getYear()));
        return years;
    }

    private static Stream<LocalDate> days(ProjectFact p) {
        return Stream.of(Stream.of(p.submittedOn(), p.signedOn()), p.decisions().stream().map(DecisionFact::decidedOn),
                p.deliveries().stream().map(ProjectFact.Delivery::on), p.reports().stream().map(ProjectFact.Report::on))
                .flatMap(days -> days);
    }

    /** A basin's indicators for a calendar year, beside the annual references of the convention in force mid-year. */
    public static YearIndicators compute(BasinFacts facts, int year, LocalDate today, Instant asOf, long eventsApplied) {
        return compute(facts, facts.basinId() + "/" + year, year, Span.year(year), conventionCovering(facts, year),
                ProgrammeReferences.R10_CONVENTION_YEARS, today, asOf, eventsApplied);
    }

    /**
     * A basin's indicators over a partnership convention's term, from its start date to its end:
     * flows of those days only — a convention from 1 July counts nothing of the January before it nor of the July
     * after its end — and positions at its end, or today while it runs. References stay annual.
     */
    public static YearIndicators computeConvention(BasinFacts facts, ConventionFact convention, LocalDate today, Instant asOf,
            long eventsApplied) {
        Span span = convention.term();
        return compute(facts, facts.basinId() + "/" + convention.conventionId(), span.from().getYear(), span,
                Optional.of(convention), 1, today, asOf, eventsApplied);
    }

    /**
     * @param convention     the partnership convention whose resources and objectives stand beside the figures
     * @param yearsOfPledges the share of the convention's three-year pledges a figure is set against: 3 for a
     *                       year (a third of them), 1 for the convention's whole term
     */
    private static YearIndicators compute(BasinFacts facts, String id, int year, Span span, Optional<ConventionFact> convention,
            int yearsOfPledges, LocalDate today, Instant asOf, long eventsApplied) {
        LocalDate cut = span.to().isAfter(today) ? today : span.to();
        YearIndicators.Skills skills = ProjectFigures.skills(facts, span, convention, yearsOfPledges);
        YearIndicators.Means means = ProjectFigures.means(facts, span);
        return new YearIndicators(id, facts.basinId(), year, ActivityFigures.activity(facts, span, today, convention),
                ProjectFigures.jobs(facts, span, convention), skills, means, MoneyFigures.resources(convention),
                MoneyFigures.spending(facts, span, means, skills), MoneyFigures.fund(facts, span, cut),
                ActivityFigures.processingTimes(facts, span), ActivityFigures.network(facts, span), asOf, eventsApplied);
    }

    /** The convention in force on 1 July of {@code year}: the one whose resources and objectives the year stands beside. */
    static Optional<ConventionFact> conventionCovering(BasinFacts facts, int year) {
        LocalDate mid = LocalDate.of(year, 7, 1);
        return facts.conventions().stream().filter(c -> c.covers(mid)).findFirst();
    }
}
