package org.alize.reporting.view;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.alize.kernel.BasinCalendar;
import org.alize.kernel.ProgrammeReferences;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.reporting.indicator.AdvanceFact;
import org.alize.reporting.indicator.Cohorts;
import org.alize.reporting.indicator.ConventionFact;
import org.alize.reporting.indicator.Facts;
import org.alize.reporting.indicator.Freshness;
import org.alize.reporting.indicator.Generation;
import org.alize.reporting.indicator.Generations;
import org.alize.reporting.indicator.Metric;
import org.alize.reporting.indicator.ProjectFact;
import org.alize.reporting.indicator.Quartiles;
import org.alize.reporting.indicator.YearIndicators;
import org.alize.tenancy.BasinContext;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Builds the views from the indicator documents of {@code reporting_network}. A basin's view reads its own
 * documents and, for the network's quartiles, the figures of every basin for that year, which it only ever
 * returns as anonymised quartiles. A network view reads one document per basin.
 */
@Service
public class IndicatorViews {

    /** Figures that are a position at the end of a period, not a flow over it. */
    private static final Set<String> STOCKS = Set.of("resourcesTotal", "advancesOutstanding", "advancesInArrears",
            "fundBalance", "fundSize", "followUpReportsOverdue");

    private final MongoTemplate mongo;
    private final Generations generations;
    private final NetworkYears networkYears;

    IndicatorViews(MongoTemplate mongo, Generations generations, NetworkYears networkYears) {
        this.mongo = mongo;
        this.generations = generations;
        this.networkYears = networkYears;
    }

    public BasinYearView basinYear(String basin, int year) {
        Generation g = generations.active();
        return BasinContext.callInNetwork(() -> {
            YearIndicators own = mongo.findById(basin + "/" + year, YearIndicators.class, g.indicators());
            if (own == null) {
                throw new NotFound("indicators.not-found", "Aucun indicateur pour le bassin « " + basin + " » en " + year
                        + " : aucun événement de cette année n'a encore été reçu.");
            }
            Map<String, Quartiles> network = networkYears.get("quartiles/" + year, () -> quartiles(g, year));
            List<Figure> figures = Metric.ALL.stream().map(metric -> new Figure(metric.key(), metric.label(),
                    metric.unit().label(), metric.of(own).orElse(null), metric.referenceOf(own).orElse(null), null,
                    network.getOrDefault(metric.key(), Quartiles.of(List.of())).anonymised())).toList();
            return new BasinYearView(basin, names(g, Set.of(basin)).get(basin), year, currency(g, List.of(basin)), figures,
                    own);
        });
    }

    public SeriesView basinSeries(String basin) {
        Generation g = generations.active();
        return BasinContext.callInNetwork(() -> {
            List<YearIndicators> years = mongo.find(query(where("basinId").is(basin)).with(Sort.by("year")),
                    YearIndicators.class, g.indicators());
            List<SeriesView.Point> points = years.stream().map(y -> new SeriesView.Point(y.year(), 1, figures(y))).toList();
            return new SeriesView(basin, currency(g, List.of(basin)), points);
        });
    }

    public ConventionPeriodsView conventionPeriods(String basin) {
        Generation g = generations.active();
        return BasinContext.callInNetwork(() -> {
            List<ConventionFact> conventions = mongo.find(query(where("basinId").is(basin)).with(Sort.by(ConventionFact.STARTS_ON)),
                    Document.class, g.collection(Facts.CONVENTIONS)).stream().map(ConventionFact::read).toList();
            Map<String, YearIndicators> terms = mongo.find(query(where("basinId").is(basin)), YearIndicators.class,
                    g.conventionIndicators()).stream().collect(Collectors.toMap(YearIndicators::id, y -> y));
            return new ConventionPeriodsView(basin, currency(g, List.of(basin)),
                    conventions.stream().map(c -> period(c, terms.get(basin + "/" + c.conventionId())))
                            .toList());
        });
    }

    /**
     * A basin's cohorts: for each year in which it approved projects, what they forecast against the lasting
     * jobs reported 12, 18 and 24 months on, where the SMEs stand and how their advances went, as of today. Reads the
     * basin's project and advance facts (its own history, bounded by its projects), never another basin's.
     */
    public CohortsView basinCohorts(String basin) {
        Generation g = generations.active();
        LocalDate asOf = LocalDate.now(BasinCalendar.ZONE);
        return BasinContext.callInNetwork(() -> new CohortsView(basin, asOf, currency(g, List.of(basin)),
                Cohorts.of(projectFacts(g, basin), advanceFacts(g, basin), asOf)));
    }

    /**
     * The network's cohorts: every basin's, year by year, added up. Computed basin by basin (one basin's facts in
     * memory at a time) once per change of the network ({@link NetworkYears}), then served from there.
     */
    public CohortsView networkCohorts() {
        return networkYears.get("cohorts", () -> {
            Generation g = generations.active();
            LocalDate asOf = LocalDate.now(BasinCalendar.ZONE);
            return BasinContext.callInNetwork(() -> {
                List<Cohorts.Cohort> all = new ArrayList<>();
                mongo.findDistinct(new Query(), "_id", g.collection(Facts.BASINS), String.class).forEach(basin ->
                        all.addAll(Cohorts.of(projectFacts(g, basin), advanceFacts(g, basin), asOf)));
                return new CohortsView("network", asOf, currency(g, null), Cohorts.network(all));
            });
        });
    }

    private List<ProjectFact> projectFacts(Generation g, String basin) {
        return mongo.find(query(where(Facts.BASIN_ID).is(basin)), Document.class, g.collection(Facts.PROJECTS)).stream()
                .map(ProjectFact::read).toList();
    }

    private List<AdvanceFact> advanceFacts(Generation g, String basin) {
        return mongo.find(query(where(Facts.BASIN_ID).is(basin)), Document.class, g.collection(Facts.ADVANCES)).stream()
                .map(AdvanceFact::read).toList();
    }

    /** Every figure's quartiles over the basins of a year: what a basin's view compares it with. */
    private Map<String, Quartiles> quartiles(Generation g, int year) {
        List<YearIndicators> network = yearOfAllBasins(g, year);
        Map<String, Quartiles> quartiles = new HashMap<>();
        Metric.ALL.forEach(metric -> quartiles.put(metric.key(), Quartiles.of(values(metric, network).values())));
        return quartiles;
    }

    /** The network's year with every row (the exports). */
    public NetworkYearView networkYear(int year) {
        return networkYears.get("year/" + year, () -> computeNetworkYear(year));
    }

    /**
     * One page of the network's year: the totals and quartiles, and {@code size} rows from {@code page} on, ordered
     * by a figure's rank (best first; basins without the figure last, then by id) or by the basins' ids. The year
     * is computed once per change of the network ({@link NetworkYears}); a request orders and cuts its rows only,
     * so its answer stays the same size at ten thousand basins.
     */
    public NetworkYearView networkYear(int year, int page, int size, String sortedBy) {
        Metric metric = NetworkYearView.BY_BASIN.equals(sortedBy) ? null : Metric.byKey(sortedBy).orElseThrow(() ->
                InvalidInput.field("sort", "Tri inconnu : « " + sortedBy + " ». Indiquez « basinId » ou la clé d'un indicateur."));
        NetworkYearView whole = networkYear(year);
        List<NetworkYearView.Row> rows = whole.rows();
        if (metric != null) {
            Comparator<NetworkYearView.Row> byRank = Comparator.comparing(
                    (NetworkYearView.Row row) -> row.ranks().getOrDefault(metric.key(), Integer.MAX_VALUE))
                    .thenComparing(NetworkYearView.Row::basinId);
            rows = rows.stream().sorted(byRank).toList();
        }
        long from = Math.min((long) page * size, rows.size());
        List<NetworkYearView.Row> shown = rows.subList((int) from, (int) Math.min(from + size, rows.size()));
        return new NetworkYearView(year, whole.basins(), whole.currentAsOf(), whole.figures(), shown, page, size,
                (rows.size() + size - 1) / size, metric == null ? NetworkYearView.BY_BASIN : metric.key());
    }

    private NetworkYearView computeNetworkYear(int year) {
        Generation g = generations.active();
        return BasinContext.callInNetwork(() -> {
            List<YearIndicators> all = yearOfAllBasins(g, year);
            Map<String, String> names = names(g, all.stream().map(YearIndicators::basinId).collect(Collectors.toSet()));
            Map<String, Map<String, BigDecimal>> valuesByBasin = new TreeMap<>();
            Map<String, Map<String, Integer>> ranksByBasin = new HashMap<>();
            all.forEach(y -> {
                valuesByBasin.put(y.basinId(), new LinkedHashMap<>());
                ranksByBasin.put(y.basinId(), new LinkedHashMap<>());
            });
            List<NetworkYearView.Summary> summaries = new ArrayList<>();
            for (Metric metric : Metric.ALL) {
                Map<String, BigDecimal> values = values(metric, all);
                values.forEach((basin, value) -> valuesByBasin.get(basin).put(metric.key(), value));
                ranks(metric, values).forEach((basin, rank) -> ranksByBasin.get(basin).put(metric.key(), rank));
                summaries.add(new NetworkYearView.Summary(metric.key(), metric.label(), metric.unit().label(),
                        metric.unit().additive() ? sum(values.values()) : null, Quartiles.of(values.values())));
            }
            List<NetworkYearView.Row> rows = valuesByBasin.entrySet().stream().map(e -> new NetworkYearView.Row(e.getKey(),
                    names.get(e.getKey()), e.getValue(), ranksByBasin.get(e.getKey()))).toList();
            return NetworkYearView.whole(year, all.size(), currency(g, valuesByBasin.keySet()), summaries, rows);
        });
    }

    public SeriesView networkSeries() {
        return networkYears.get("series", this::computeNetworkSeries);
    }

    private SeriesView computeNetworkSeries() {
        Generation g = generations.active();
        return BasinContext.callInNetwork(() -> {
            Map<Integer, List<YearIndicators>> byYear = mongo.findAll(YearIndicators.class, g.indicators()).stream()
                    .collect(Collectors.groupingBy(YearIndicators::year, TreeMap::new, Collectors.toList()));
            List<SeriesView.Point> points = byYear.entrySet().stream().map(e -> {
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                for (Metric metric : Metric.ALL) {
                    Collection<BigDecimal> figures = values(metric, e.getValue()).values();
                    BigDecimal value = metric.unit().additive() ? sum(figures) : Quartiles.of(figures).median();
                    if (value != null) {
                        values.put(metric.key(), value);
                    }
                }
                return new SeriesView.Point(e.getKey(), e.getValue().size(), values);
            }).toList();
            return new SeriesView("network", currency(g, null), points);
        });
    }

    /**
     * Competition ranking (1, 2, 2, 4) in the metric's better direction, over the basins that have the figure:
     * one sort, then one walk down it (n log n; comparing every pair cost 0.8 s at 1,000 basins).
     */
    static Map<String, Integer> ranks(Metric metric, Map<String, BigDecimal> values) {
        Comparator<BigDecimal> order = metric.better() == Metric.Direction.HIGHER ? Comparator.reverseOrder()
                : Comparator.naturalOrder();
        List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort(Map.Entry.comparingByValue(order));
        Map<String, Integer> ranks = new HashMap<>(sorted.size() * 2);
        for (int i = 0; i < sorted.size(); i++) {
            boolean tied = i > 0 && order.compare(sorted.get(i - 1).getValue(), sorted.get(i).getValue()) == 0;
            ranks.put(sorted.get(i).getKey(), tied ? ranks.get(sorted.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }

    private List<YearIndicators> yearOfAllBasins(Generation g, int year) {
        return mongo.find(query(where("year").is(year)), YearIndicators.class, g.indicators());
    }

    private static Map<String, BigDecimal> values(Metric metric, List<YearIndicators> years) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        years.forEach(y -> metric.of(y).ifPresent(v -> values.put(y.basinId(), v)));
        return values;
    }

    private static Map<String, BigDecimal> figures(YearIndicators year) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Metric.ALL.forEach(m -> m.of(year).ifPresent(v -> values.put(m.key(), v)));
        return values;
    }

    /**
     * A convention's figures over its own term: flows of the days from its start to its end, positions at its end
     * (or today while it runs), computed from the facts with the convention's dates (a convention from 1 July
     * counts from July to June); {@code yearsCovered} is the convention years begun.
     */
    private ConventionPeriodView period(ConventionFact convention, YearIndicators term) {
        LocalDate starts = convention.startsOn();
        LocalDate ends = convention.endsOn();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, BigDecimal> references = new LinkedHashMap<>();
        int begun = 0;
        if (term != null) {
            LocalDate today = LocalDate.now(BasinCalendar.ZONE);
            while (begun < ProgrammeReferences.R10_CONVENTION_YEARS && !starts.plusYears(begun).isAfter(today)) {
                begun++;
            }
            for (Metric metric : Metric.ALL) {
                boolean stock = STOCKS.contains(metric.key()) || !metric.unit().additive();
                metric.of(term).ifPresent(v -> values.put(metric.key(), v));
                // over a convention the references are three times the annual ones, unless it states its own
                Optional<BigDecimal> reference = stock ? metric.referenceOf(term)
                        : metric.referenceOf(term).map(annual -> annual.multiply(BigDecimal.valueOf(ProgrammeReferences.R10_CONVENTION_YEARS)));
                reference.ifPresent(r -> references.put(metric.key(), r));
            }
            // 225 jobs over a convention, unless it states its own objective
            BigDecimal jobsReference = BigDecimal.valueOf(convention.jobsOverConvention() > 0 ? convention.jobsOverConvention()
                    : ProgrammeReferences.R41_JOBS_PER_CONVENTION);
            references.put("jobsForecast", jobsReference);
            references.put("jobsRealised", jobsReference);
        }
        return new ConventionPeriodView(convention.conventionId(), starts, ends, begun, values, references);
    }


    private Map<String, String> names(Generation g, Set<String> basins) {
        Map<String, String> names = new HashMap<>();
        mongo.find(query(where("_id").in(basins)), Document.class, g.collection(Facts.BASINS))
                .forEach(d -> names.put(d.getString("_id"), d.getString("name")));
        return names;
    }

    /** @param basins the basins the view covers, or {@code null} for all */
    private Currency currency(Generation g, Collection<String> basins) {
        Query query = basins == null ? new Query() : query(where("_id").in(basins));
        List<Freshness> all = mongo.find(query, Freshness.class, g.freshness());
        Optional<Freshness> newest = all.stream().filter(f -> f.lastEventTime() != null)
                .max(Comparator.comparing(Freshness::lastEventTime));
        Instant oldest = all.stream().map(Freshness::lastEventTime).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        return new Currency(newest.map(Freshness::lastEventId).orElse(null), newest.map(Freshness::lastEventType).orElse(null),
                oldest, newest.map(Freshness::lastEventTime).orElse(null),
                all.stream().mapToLong(Freshness::eventsApplied).sum());
    }

    private static BigDecimal sum(Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(values.stream()
                .mapToInt(BigDecimal::scale).max().orElse(0), RoundingMode.HALF_UP);
    }
}
