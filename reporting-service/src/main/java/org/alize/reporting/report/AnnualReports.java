package org.alize.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.alize.documents.PdfReport;
import org.alize.kernel.BasinCalendar;
import org.alize.kernel.ProgrammeReferences;
import org.alize.reporting.indicator.Cohorts;
import org.alize.reporting.indicator.Metric;
import org.alize.reporting.indicator.Quartiles;
import org.alize.reporting.view.BasinYearView;
import org.alize.reporting.view.CohortsView;
import org.alize.reporting.view.ConventionPeriodView;
import org.alize.reporting.view.ConventionPeriodsView;
import org.alize.reporting.view.Currency;
import org.alize.reporting.view.Figure;
import org.alize.reporting.view.IndicatorViews;
import org.alize.reporting.view.NetworkYearView;
import org.alize.reporting.view.SeriesView;
import org.springframework.stereotype.Component;

/**
 * The yearly reports, in French PDF, made from the same views as the API (so every figure in them is one the API
 * gives): a basin's activity report for its steering committee, and the network's annual report for ASTREES and the
 * national committee. A past year's report is made again from the read models at any time; what it says it is
 * current to (the last event applied) is printed on its cover.
 */
@Component
public class AnnualReports {

    /** The figures of the key-figures page and of the network's per-basin table. */
    static final List<String> KEY_FIGURES = List.of("sessionsHeld", "projectsExamined", "projectsApproved", "jobsForecast",
            "jobsRealised", "resourcesTotal", "shareCompanies", "projectSupport", "localEngineering", "advancesLent",
            "advancesInArrears", "lossRate", "fundSize");
    private static final List<String> NETWORK_COLUMNS = List.of("projectsApproved", "jobsRealised", "resourcesTotal",
            "shareCompanies", "advancesOutstanding", "lossRate");
    private static final List<String> SHARES = List.of("shareCompanies", "shareTerritorialActors", "shareLocalAuthorities",
            "shareStateAndCdc");
    private static final List<String> FUND = List.of("advancesLent", "advancesRepaid", "advancesWrittenOff",
            "advancesOutstanding", "advancesInArrears", "fundBalance");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);
    private static final ZoneId PARIS = BasinCalendar.ZONE;

    private final IndicatorViews views;
    private final Clock clock;

    AnnualReports(IndicatorViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    /** The activity report of a basin's year, for its steering committee (« comité local de pilotage et d'évaluation »). */
    public byte[] basin(String basin, int year) {
        BasinYearView view = views.basinYear(basin, year);
        SeriesView series = views.basinSeries(basin);
        ConventionPeriodsView conventions = views.conventionPeriods(basin);
        String name = view.basinName() == null ? basin : view.basinName();
        PdfReport pdf = new PdfReport("Rapport d'activité " + year + " — " + name,
                "Bassin d'emploi « " + name + " » · pour le comité local de pilotage et d'évaluation");
        cover(pdf, view.currentAsOf(), "Les chiffres de l'année civile " + year + " du bassin, chacun face à la référence du "
                + "programme et, à partir de " + Quartiles.MIN_BASINS + " bassins comparables, aux quartiles anonymes du réseau.");

        pdf.heading("Chiffres clés");
        pdf.compactTable(List.of("Indicateur", "Valeur", "Référence", "Réseau : 1er quartile – médiane – 3e quartile"),
                view.figures().stream().filter(f -> KEY_FIGURES.contains(f.key())).map(this::figureRow).toList(),
                new float[] {5, 1.6f, 1.6f, 2.6f});

        pdf.barChart("Profil des ressources (R-13)", "Part de chaque catégorie de financeurs dans les ressources de la "
                + "convention en " + year + ", face à la part de référence", view.figures().stream()
                .filter(f -> SHARES.contains(f.key())).map(f -> bar(shortLabel(f.label()), f.value(), f.reference(), f.unit()))
                .toList());
        pdf.barChart("Emplois durables réalisés par année (R-25, R-41)", "Emplois durables réalisés selon les suivis, "
                + "année par année, face à la référence de " + ProgrammeReferences.R41_JOBS_PER_YEAR + " par an",
                series.years().stream().map(p -> bar(String.valueOf(p.year()), p.values().get("jobsRealised"),
                        BigDecimal.valueOf(ProgrammeReferences.R41_JOBS_PER_YEAR), "nombre")).toList());
        pdf.barChart("Fonds d'avances remboursables en " + year + " (R-30)", "Avances versées, remboursements, pertes, "
                + "encours et impayés du fonds du bassin en " + year, view.figures().stream()
                .filter(f -> FUND.contains(f.key())).map(f -> bar(shortLabel(f.label()), f.value(), null, f.unit())).toList());

        pdf.newPage().heading("Tous les indicateurs de l'année");
        pdf.compactTable(List.of("Indicateur", "Valeur", "Référence", "Réseau : 1er quartile – médiane – 3e quartile"),
                view.figures().stream().map(this::figureRow).toList(), new float[] {5, 1.6f, 1.6f, 2.6f});

        pdf.heading("Conventions de partenariat");
        List<ConventionPeriodView> periods = conventions.periods();
        if (periods.isEmpty()) {
            pdf.paragraph("Aucune convention de partenariat n'est connue pour ce bassin.");
        } else {
            pdf.compactTable(List.of("Convention", "Du", "Au", "Emplois durables", "Objectif", "Ressources", "Référence"),
                    periods.stream().map(p -> List.of(p.conventionId(), PdfReport.date(p.startsOn()), PdfReport.date(p.endsOn()),
                            number(p.values().get("jobsRealised"), "nombre"), number(p.references().get("jobsRealised"), "nombre"),
                            number(p.values().get("resourcesTotal"), "€"), number(p.references().get("resourcesTotal"), "€")))
                            .toList(), new float[] {2.4f, 1.6f, 1.6f, 1.2f, 1.2f, 1.6f, 1.6f});
            pdf.note("Une convention compte ses propres années, de sa date de début à sa date de fin (une convention du "
                    + "1er juillet court de juillet à juin), et non les années civiles.");
        }
        cohorts(pdf, views.basinCohorts(basin));
        methods(pdf);
        return pdf.finish();
    }

    /** The network's annual report, for ASTREES and the national committee: every basin, totals and quartiles. */
    public byte[] network(int year) {
        NetworkYearView view = views.networkYear(year);
        SeriesView series = views.networkSeries();
        PdfReport pdf = new PdfReport("Rapport annuel du réseau ALIZÉ " + year,
                view.basins() + " bassin(s) d'emploi · pour ASTREES et le comité national");
        cover(pdf, view.currentAsOf(), "Les chiffres de l'année civile " + year + " de chaque bassin, leurs totaux pour le "
                + "réseau quand ils s'additionnent, et leurs quartiles.");

        pdf.heading("Chiffres clés du réseau");
        pdf.compactTable(List.of("Indicateur", "Total du réseau", "1er quartile", "Médiane", "3e quartile", "Bassins"),
                view.figures().stream().filter(s -> KEY_FIGURES.contains(s.key())).map(s -> List.of(s.label(),
                        number(s.total(), s.unit()), number(s.quartiles().q1(), s.unit()), number(s.quartiles().median(), s.unit()),
                        number(s.quartiles().q3(), s.unit()), String.valueOf(s.quartiles().basins()))).toList(),
                new float[] {5, 1.6f, 1.4f, 1.4f, 1.4f, 0.8f});

        pdf.barChart("Profil des ressources, médiane des bassins (R-13)", "Part médiane de chaque catégorie de financeurs "
                + "dans les ressources des conventions des bassins en " + year + ", face à la part de référence",
                view.figures().stream().filter(s -> SHARES.contains(s.key())).map(s -> bar(shortLabel(s.label()),
                        s.quartiles().median(), reference(s.key()), s.unit())).toList());
        pdf.barChart("Emplois durables réalisés par année, tout le réseau (R-25)", "Total des emplois durables réalisés "
                + "selon les suivis dans tous les bassins, année par année", series.years().stream()
                .map(p -> bar(p.year() + " (" + p.basins() + " bassins)", p.values().get("jobsRealised"), null, "nombre")).toList());
        pdf.barChart("Fonds d'avances de tous les bassins en " + year + " (R-30)", "Totaux du réseau : avances versées, "
                + "remboursements, pertes, encours et impayés en " + year, view.figures().stream()
                .filter(s -> FUND.contains(s.key())).map(s -> bar(shortLabel(s.label()), s.total(), null, s.unit())).toList());

        pdf.newPage().heading("Les bassins");
        List<String> headers = new ArrayList<>(List.of("Bassin"));
        NETWORK_COLUMNS.forEach(key -> headers.add(shortLabel(label(key))));
        List<List<String>> rows = new ArrayList<>();
        for (NetworkYearView.Row row : view.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.basinName() == null ? row.basinId() : row.basinName()));
            NETWORK_COLUMNS.forEach(key -> cells.add(number(row.values().get(key), unit(key))));
            rows.add(cells);
        }
        summaryRow(rows, view, "1er quartile", q -> q.q1());
        summaryRow(rows, view, "Médiane", Quartiles::median);
        summaryRow(rows, view, "3e quartile", q -> q.q3());
        pdf.compactTable(headers, rows, new float[] {3, 1.2f, 1.2f, 1.6f, 1.2f, 1.6f, 1.2f});
        cohorts(pdf, views.networkCohorts());
        methods(pdf);
        return pdf.finish();
    }

    /** The a-posteriori evaluation by cohort: a chart of lasting jobs against forecasts, and the table. */
    private static void cohorts(PdfReport pdf, CohortsView view) {
        pdf.newPage().heading("Évaluation par cohorte (R-42)");
        pdf.paragraph("Une cohorte : les projets agréés une même année, suivis ensuite dans le temps, au "
                + PdfReport.date(view.asOf()) + ". Un horizon (12, 18, 24 mois après l'agrément) n'est compté que pour les "
                + "projets qui l'ont atteint.");
        if (view.cohorts().isEmpty()) {
            pdf.paragraph("Aucun projet agréé pour l'instant.");
            return;
        }
        pdf.barChart("Emplois durables déclarés à ce jour, par cohorte", "Pour chaque année d'agrément, les emplois durables "
                + "déclarés à ce jour par les suivis, face aux emplois prévus par les agréments (trait rouge)",
                view.cohorts().stream().map(c -> new PdfReport.Bar("Cohorte " + c.year() + " (" + c.projects() + " projets)",
                        c.lastingJobsToDate(), (double) c.forecastJobs(), c.lastingJobsToDate() + " sur " + c.forecastJobs()
                        + " prévus")).toList(), "les emplois prévus par les agréments de la cohorte");
        pdf.compactTable(List.of("Cohorte", "Projets", "Emplois prévus", "Durables à 12 mois", "à 18 mois", "à 24 mois",
                        "Durables à ce jour", "Suivies · clôturées · non suivies", "Avances remboursées · à jour · impayées · en perte",
                        "Versé par emploi durable"),
                view.cohorts().stream().map(c -> List.of(String.valueOf(c.year()), String.valueOf(c.projects()),
                        String.valueOf(c.forecastJobs()), horizon(c.horizons().get(0)), horizon(c.horizons().get(1)),
                        horizon(c.horizons().get(2)), String.valueOf(c.lastingJobsToDate()),
                        c.stillFollowed() + " · " + c.closed() + " · " + c.notFollowed(),
                        c.advances().repaid() + " · " + c.advances().onSchedule() + " · " + c.advances().inArrears() + " · "
                                + c.advances().writtenOff(), number(c.eurosPerLastingJob(), "€"))).toList(),
                new float[] {1, 0.9f, 1, 1.1f, 1.1f, 1.1f, 1.1f, 1.4f, 1.8f, 1.4f});
    }

    /** Lasting jobs at a horizon, or what is missing to read them. */
    private static String horizon(Cohorts.Horizon horizon) {
        return horizon.projectsReached() == 0 ? "pas encore" : horizon.lastingJobs() + " (" + horizon.projectsReached()
                + " projets)";
    }

    private void cover(PdfReport pdf, Currency currency, String scope) {
        pdf.paragraph(scope);
        pdf.field("Édité le", STAMP.format(clock.instant().atZone(PARIS)));
        if (currency == null || currency.lastEventId() == null || currency.newestAsOf() == null) {
            pdf.field("Situation", "aucun événement reçu");
        } else {
            pdf.field("Situation", "à jour du " + STAMP.format(currency.newestAsOf().atZone(PARIS)) + " ("
                    + currency.eventsApplied() + " événements pris en compte, le dernier « " + currency.lastEventType() + " »)");
        }
        pdf.note("Ce rapport se régénère à l'identique pour une année passée tant qu'aucun événement de cette année "
                + "n'arrive après coup ; la situation ci-dessus dit jusqu'où il est à jour.");
    }

    private void methods(PdfReport pdf) {
        pdf.newPage().heading("Méthodes et définitions");
        pdf.paragraph("Année : l'année civile, du 1er janvier au 31 décembre (heure de Paris). Les flux (projets, emplois, "
                + "moyens, dépenses) comptent ce qui est arrivé dans l'année, à sa date réelle même saisie plus tard ; "
                + "les positions (encours, impayés, trésorerie) sont lues au 31 décembre.");
        pdf.paragraph("Emplois durables (R-25) : CDI et CDD de six mois ou plus déclarés par les suivis des mandataires ; "
                + "les autres contrats sont comptés à part. Référence : " + ProgrammeReferences.R41_JOBS_PER_YEAR
                + " emplois par an et par bassin (R-41).");
        pdf.paragraph("Ressources (R-13) : les engagements de la convention de partenariat en vigueur, par catégorie de "
                + "financeurs, face à la répartition de référence.");
        pdf.paragraph("Taux de perte (R-30) : pertes constatées cumulées rapportées aux avances versées cumulées ; le taux "
                + "net déduit les sommes récupérées après une perte.");
        pdf.paragraph("Quartiles du réseau : valeurs au rang le plus proche sur les bassins qui ont l'indicateur ; ils ne "
                + "sont montrés à un bassin qu'à partir de " + Quartiles.MIN_BASINS + " bassins comparables, pour ne jamais "
                + "révéler les chiffres d'un autre bassin (R-42). Les totaux ne sont donnés que pour les chiffres qui "
                + "s'additionnent (pas pour les délais ni les parts).");
        pdf.heading("Les indicateurs");
        pdf.compactTable(List.of("Indicateur", "Unité", "Le meilleur"), Metric.ALL.stream().map(m -> List.of(m.label(),
                m.unit().label(), m.better() == Metric.Direction.HIGHER ? "le plus élevé" : "le plus bas")).toList(),
                new float[] {6, 1, 1.4f});
    }

    private List<String> figureRow(Figure f) {
        Quartiles network = f.network();
        String quartiles = network.median() == null ? "non communiqué (" + network.basins() + " bassin(s))"
                : number(network.q1(), f.unit()) + " – " + number(network.median(), f.unit()) + " – " + number(network.q3(), f.unit());
        return List.of(f.label(), number(f.value(), f.unit()), number(f.reference(), f.unit()), quartiles);
    }

    private static void summaryRow(List<List<String>> rows, NetworkYearView view, String label,
            Function<Quartiles, BigDecimal> value) {
        List<String> cells = new ArrayList<>(List.of(label));
        Map<String, NetworkYearView.Summary> byKey = new java.util.HashMap<>();
        view.figures().forEach(s -> byKey.put(s.key(), s));
        NETWORK_COLUMNS.forEach(key -> {
            NetworkYearView.Summary summary = byKey.get(key);
            cells.add(summary == null ? "" : number(value.apply(summary.quartiles()), summary.unit()));
        });
        rows.add(cells);
    }

    private static PdfReport.Bar bar(String label, BigDecimal value, BigDecimal reference, String unit) {
        return new PdfReport.Bar(label, value == null ? 0 : value.doubleValue(),
                reference == null ? null : reference.doubleValue(), number(value, unit));
    }

    private static BigDecimal reference(String key) {
        return ProgrammeReferences.R13_RESOURCE_SHARES.entrySet().stream()
                .filter(e -> ("share" + camel(e.getKey())).equals(key)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String camel(String category) {
        StringBuilder out = new StringBuilder();
        for (String part : category.split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static String label(String key) {
        return Metric.byKey(key).map(Metric::label).orElse(key);
    }

    private static String unit(String key) {
        return Metric.byKey(key).map(m -> m.unit().label()).orElse("nombre");
    }

    /** A label without its parenthesis of references (the charts and narrow columns show the reference apart). */
    static String shortLabel(String label) {
        int parenthesis = label.indexOf(" (");
        String shorter = parenthesis > 0 ? label.substring(0, parenthesis) : label;
        return shorter.replace("Part des ressources : ", "").replace("Moyens accordés : ", "");
    }

    /** A figure as the report writes it, in French: « 12 », « 912 000,00 € », « 46,2 % », « 34 jours ». */
    public static String number(BigDecimal value, String unit) {
        if (value == null) {
            return "—";
        }
        return switch (Objects.requireNonNullElse(unit, "nombre")) {
            case "€" -> NumberFormat.getCurrencyInstance(Locale.FRANCE).format(value);
            case "%" -> decimal(value.setScale(1, RoundingMode.HALF_UP), 1) + " %";
            case "jours" -> decimal(value.setScale(0, RoundingMode.HALF_UP), 0) + " jours";
            default -> decimal(value, value.stripTrailingZeros().scale() > 0 ? 1 : 0);
        };
    }

    private static String decimal(BigDecimal value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }
}
