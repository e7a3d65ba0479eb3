package org.alize.reporting.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.alize.kernel.BasinCalendar;

/**
 * CSV as French spreadsheets read it: semicolon separators, decimal comma without grouping, dates as
 * dd/MM/yyyy (timestamps in Paris time), UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private CsvExport() {
    }

    public static byte[] write(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, table.columns().stream().map(c -> (Object) c.header()).toList(), table);
        table.rows().forEach(row -> line(out, row, table));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<Object> cells, Table table) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(quote(format(cells.get(i))));
        }
        out.append("\r\n");
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            DecimalFormat format = new DecimalFormat("0.##########", DecimalFormatSymbols.getInstance(Locale.FRANCE));
            format.setMinimumFractionDigits(Math.max(0, decimal.scale()));
            return format.format(decimal);
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof Instant instant) {
            return TIMESTAMP.format(instant.atZone(BasinCalendar.ZONE));
        }
        return value.toString();
    }

    private static String quote(String cell) {
        if (cell.contains(";") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
