package org.alize.reporting.export;

import java.util.List;

import org.alize.reporting.view.Currency;

/**
 * A view flattened for export: a sheet name, typed columns with French headers, rows of cell values, and up
 * to which event the view is current.
 */
public record Table(String name, List<Column> columns, List<List<Object>> rows, Currency currentAsOf) {

    /** A table that is not a view of the read models (no currency to state). */
    public Table(String name, List<Column> columns, List<List<Object>> rows) {
        this(name, columns, rows, null);
    }

    public enum Kind {
        TEXT, INTEGER, DECIMAL, EUROS, PERCENT, DATE, TIMESTAMP
    }

    public record Column(String header, Kind kind) {
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    public static Column column(String header, Kind kind) {
        return new Column(header, kind);
    }
}
