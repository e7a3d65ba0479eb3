package org.alize.reporting.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The a-posteriori evaluation of the projects approved in a year (R-42, « évaluées a posteriori »): what they forecast
 * against the lasting jobs their mandataries reported 12, 18 and 24 months after the approval, where the SMEs stand
 * (still followed, closed, or not followed: abandoned, or their convention not signed yet), how their advances went (repaid, on schedule, in arrears, written off),
 * and the fund's euros per lasting job. Everything is read as of one day: a horizon not reached yet is said so, never
 * counted as zero jobs.
 */
public final class Cohorts {

    /** The horizons after the approval at which lasting jobs are read. */
    public static final List<Integer> HORIZONS = List.of(12, 18, 24);
    private static final String CLOSED = "CLOSED";

    private Cohorts() {
    }

    /** The lasting jobs a cohort's projects had reported {@code months} after their approval. */
    public record Horizon(int months, int projectsReached, int projectsReporting, int lastingJobs) {

        static Horizon add(Horizon a, Horizon b) {
            return new Horizon(a.months, a.projectsReached + b.projectsReached, a.projectsReporting + b.projectsReporting,
                    a.lastingJobs + b.lastingJobs);
        }
    }

    /** How a cohort's advances went, as of the day: counts by outcome, and euros granted and paid out. */
    public record Advances(int count, BigDecimal granted, BigDecimal disbursed, int repaid, int onSchedule, int inArrears,
            int writtenOff) {

        static final Advances NONE = new Advances(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0);

        static Advances add(Advances a, Advances b) {
            return new Advances(a.count + b.count, a.granted.add(b.granted), a.disbursed.add(b.disbursed), a.repaid + b.repaid,
                    a.onSchedule + b.onSchedule, a.inArrears + b.inArrears, a.writtenOff + b.writtenOff);
        }
    }

    /**
     * The projects approved in {@code year} (in one basin, or summed over the network's {@code basins}).
     *
     * @param lastingJobsToDate   the lasting jobs of their latest reports as of the day
     * @param eurosPerLastingJob  the advances paid out to the cohort per lasting job to date; null without any
     */
    public record Cohort(int year, int basins, int projects, int forecastJobs, List<Horizon> horizons, int lastingJobsToDate,
            int stillFollowed, int closed, int notFollowed, Advances advances, @Nullable BigDecimal eurosPerLastingJob) {
    }

    /** A basin's cohorts, one per year in which it approved projects, oldest first, read as of {@code asOf}. */
    public static List<Cohort> of(List<ProjectFact> projects, List<AdvanceFact> advances, LocalDate asOf) {
        Map<String, AdvanceFact> byProject = advances.stream().filter(a -> a.projectId() != null)
                .collect(Collectors.toMap(a -> Objects.requireNonNull(a.projectId()), Function.identity(), (a, b) -> a));
        Map<Integer, List<ProjectFact>> byYear = new TreeMap<>();
        for (ProjectFact project : projects) {
            project.approvedOn().filter(day -> !day.isAfter(asOf))
                    .ifPresent(day -> byYear.computeIfAbsent(day.getYear(), y -> new ArrayList<>()).add(project));
        }
        List<Cohort> cohorts = new ArrayList<>();
        byYear.forEach((year, approved) -> cohorts.add(cohort(year, approved, byProject, asOf)));
        return cohorts;
    }

    private static Cohort cohort(int year, List<ProjectFact> approved, Map<String, AdvanceFact> advances, LocalDate asOf) {
        int forecast = 0;
        int toDate = 0;
        int followed = 0;
        int closed = 0;
        int other = 0;
        List<Horizon> horizons = new ArrayList<>();
        HORIZONS.forEach(months -> horizons.add(new Horizon(months, 0, 0, 0)));
        Advances money = Advances.NONE;
        for (ProjectFact project : approved) {
            LocalDate approvedOn = project.approvedOn().orElseThrow();
            forecast += project.forecastJobs();
            toDate += project.lastReportOn(asOf).map(ProjectFact.Report::lastingJobs).orElse(0);
            if (project.followed()) {
                followed++;
            } else if (CLOSED.equals(project.status())) {
                closed++;
            } else {
                other++;
            }
            for (int i = 0; i < horizons.size(); i++) {
                LocalDate at = approvedOn.plusMonths(horizons.get(i).months());
                if (!at.isAfter(asOf)) {
                    var report = project.lastReportOn(at);
                    horizons.set(i, Horizon.add(horizons.get(i), new Horizon(horizons.get(i).months(), 1,
                            report.isPresent() ? 1 : 0, report.map(ProjectFact.Report::lastingJobs).orElse(0))));
                }
            }
            @Nullable AdvanceFact advance = project.projectId() == null ? null : advances.get(project.projectId());
            if (advance != null) {
                money = Advances.add(money, outcome(advance, asOf));
            }
        }
        BigDecimal perJob = toDate == 0 || money.disbursed().signum() == 0 ? null
                : money.disbursed().divide(BigDecimal.valueOf(toDate), 2, RoundingMode.HALF_UP);
        return new Cohort(year, 1, approved.size(), forecast, List.copyOf(horizons), toDate, followed, closed, other, money,
                perJob);
    }

    /** One advance's outcome as of the day, by the rules of the fund's figures: written off, late, repaid, on time. */
    static Advances outcome(AdvanceFact advance, LocalDate asOf) {
        BigDecimal lent = AdvanceFact.upTo(advance.disbursements(), asOf);
        BigDecimal repaid = advance.repaidUpTo(asOf);
        BigDecimal written = AdvanceFact.upTo(advance.writeOffs(), asOf);
        BigDecimal owed = lent.subtract(repaid).subtract(written);
        BigDecimal late = advance.dueBefore(asOf).subtract(repaid).subtract(written).max(BigDecimal.ZERO)
                .min(owed.max(BigDecimal.ZERO));
        boolean writtenOff = written.signum() > 0;
        boolean inArrears = !writtenOff && late.signum() > 0;
        boolean fullyRepaid = !writtenOff && !inArrears && lent.signum() > 0 && owed.signum() <= 0;
        boolean onSchedule = !writtenOff && !inArrears && !fullyRepaid;
        return new Advances(1, advance.granted(), lent, fullyRepaid ? 1 : 0, onSchedule ? 1 : 0, inArrears ? 1 : 0,
                writtenOff ? 1 : 0);
    }

    /** The network's cohorts: each year's cohorts of every basin added up, the euros per job recomputed on the sums. */
    public static List<Cohort> network(List<Cohort> basinsCohorts) {
        Map<Integer, Cohort> byYear = new TreeMap<>();
        for (Cohort c : basinsCohorts) {
            byYear.merge(c.year(), c, Cohorts::add);
        }
        return byYear.values().stream().map(c -> new Cohort(c.year(), c.basins(), c.projects(), c.forecastJobs(), c.horizons(),
                c.lastingJobsToDate(), c.stillFollowed(), c.closed(), c.notFollowed(), c.advances(),
                c.lastingJobsToDate() == 0 || c.advances().disbursed().signum() == 0 ? null
                        : c.advances().disbursed().divide(BigDecimal.valueOf(c.lastingJobsToDate()), 2, RoundingMode.HALF_UP)))
                .toList();
    }

    private static Cohort add(Cohort a, Cohort b) {
        List<Horizon> horizons = new ArrayList<>();
        for (int i = 0; i < a.horizons().size(); i++) {
            horizons.add(Horizon.add(a.horizons().get(i), b.horizons().get(i)));
        }
        return new Cohort(a.year(), a.basins() + b.basins(), a.projects() + b.projects(), a.forecastJobs() + b.forecastJobs(),
                horizons, a.lastingJobsToDate() + b.lastingJobsToDate(), a.stillFollowed() + b.stillFollowed(),
                a.closed() + b.closed(), a.notFollowed() + b.notFollowed(), Advances.add(a.advances(), b.advances()), null);
    }
}
