package org.alize.reporting.export;

import java.nio.charset.StandardCharsets;

import org.alize.kernel.Csv;

/** A table as CSV, the platform's one way ({@link Csv}: what French spreadsheets read, formulas defused). */
public final class CsvExport {

    public static final String MEDIA_TYPE = Csv.MEDIA_TYPE;

    private CsvExport() {
    }

    public static byte[] write(Table table) {
        StringBuilder out = new StringBuilder();
        Csv csv = Csv.on(out).row(table.columns().stream().map(Table.Column::header).toList());
        table.rows().forEach(csv::row);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
