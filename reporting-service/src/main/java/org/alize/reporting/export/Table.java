package org.alize.reporting.export;

import java.util.List;

/** A view flattened for export: a sheet name, typed columns with French headers, rows of cell values. */
public record Table(String name, List<Column> columns, List<List<Object>> rows) {

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
