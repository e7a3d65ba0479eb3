package org.alize.reporting.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.alize.reporting.export.Table.Column;
import org.alize.reporting.export.Table.Kind;
import org.alize.reporting.indicator.Metric;
import org.alize.reporting.indicator.Quartiles;
import org.alize.reporting.view.BasinYearView;
import org.alize.reporting.view.ConventionPeriodView;
import org.alize.reporting.view.ConventionPeriodsView;
import org.alize.reporting.view.Figure;
import org.alize.reporting.view.NetworkYearView;
import org.alize.reporting.view.SeriesView;

/** Each view as a table with French headers: figures down the rows, or basins and years down the rows. */
public final class Tables {

    private Tables() {
    }

    public static Table basinYear(BasinYearView view) {
        List<Column> columns = List.of(Table.text("Indicateur"), Table.text("Unité"), Table.column("Valeur", Kind.DECIMAL),
                Table.column("Référence", Kind.DECIMAL), Table.column("Réseau : 1er quartile", Kind.DECIMAL),
                Table.column("Réseau : médiane", Kind.DECIMAL), Table.column("Réseau : 3e quartile", Kind.DECIMAL),
                Table.column("Bassins comparés", Kind.INTEGER));
        List<List<Object>> rows = new ArrayList<>();
        for (Figure figure : view.figures()) {
            Quartiles network = figure.network();
            rows.add(cells(figure.label(), figure.unit(), figure.value(), figure.reference(), network.q1(), network.median(),
                    network.q3(), network.basins()));
        }
        return new Table(view.basinId() + " " + view.year(), columns, rows, view.currentAsOf());
    }

    public static Table networkYear(NetworkYearView view) {
        List<Column> columns = new ArrayList<>(List.of(Table.text("Bassin"), Table.text("Nom")));
        for (Metric metric : Metric.ALL) {
            columns.add(Table.column(metric.label(), kind(metric)));
            columns.add(Table.column("Rang : " + metric.label(), Kind.INTEGER));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (NetworkYearView.Row row : view.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.basinId(), row.basinName() == null ? "" : row.basinName()));
            for (Metric metric : Metric.ALL) {
                cells.add(row.values().get(metric.key()));
                cells.add(row.ranks().get(metric.key()));
            }
            rows.add(cells);
        }
        rows.add(summary("Total du réseau", view, s -> s.total()));
        rows.add(summary("1er quartile", view, s -> s.quartiles().q1()));
        rows.add(summary("Médiane", view, s -> s.quartiles().median()));
        rows.add(summary("3e quartile", view, s -> s.quartiles().q3()));
        return new Table("Réseau " + view.year(), columns, rows, view.currentAsOf());
    }

    public static Table series(SeriesView view) {
        List<Column> columns = new ArrayList<>(List.of(Table.column("Année", Kind.INTEGER),
                Table.column("Bassins", Kind.INTEGER)));
        Metric.ALL.forEach(m -> columns.add(Table.column(m.label(), kind(m))));
        List<List<Object>> rows = new ArrayList<>();
        for (SeriesView.Point point : view.years()) {
            List<Object> cells = new ArrayList<>(List.of(point.year(), point.basins()));
            Metric.ALL.forEach(m -> cells.add(point.values().get(m.key())));
            rows.add(cells);
        }
        return new Table("Séries " + view.scope(), columns, rows, view.currentAsOf());
    }

    public static Table conventionPeriods(ConventionPeriodsView view) {
        List<Column> columns = List.of(Table.text("Convention"), Table.column("Début", Kind.DATE), Table.column("Fin", Kind.DATE),
                Table.column("Années couvertes", Kind.INTEGER), Table.text("Indicateur"), Table.text("Unité"),
                Table.column("Valeur sur la période", Kind.DECIMAL), Table.column("Référence sur la période", Kind.DECIMAL));
        List<List<Object>> rows = new ArrayList<>();
        for (ConventionPeriodView period : view.periods()) {
            for (Metric metric : Metric.ALL) {
                rows.add(cells(period.conventionId(), period.startsOn(), period.endsOn(), period.yearsCovered(), metric.label(),
                        metric.unit().label(), period.values().get(metric.key()), period.references().get(metric.key())));
            }
        }
        return new Table("Conventions " + view.basinId(), columns, rows, view.currentAsOf());
    }

    private static List<Object> summary(String label, NetworkYearView view,
            java.util.function.Function<NetworkYearView.Summary, BigDecimal> value) {
        List<Object> cells = new ArrayList<>(List.of(label, ""));
        for (NetworkYearView.Summary summary : view.figures()) {
            cells.add(value.apply(summary));
            cells.add(null);
        }
        return cells;
    }

    private static Kind kind(Metric metric) {
        return switch (metric.unit()) {
            case EUROS -> Kind.EUROS;
            case PERCENT -> Kind.PERCENT;
            case COUNT, DAYS, DELAY -> Kind.INTEGER;
        };
    }

    private static List<Object> cells(Object... values) {
        List<Object> cells = new ArrayList<>(values.length);
        java.util.Collections.addAll(cells, values);
        return cells;
    }
}
