package org.alize.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The one way the platform writes CSV, for the French spreadsheets its users open it in: UTF-8 with a byte-order
 * mark (without it Excel reads the accents as Latin-1), semicolons, a decimal comma without grouping, dates as
 * dd/MM/yyyy and instants in the basins' time, CRLF line ends, RFC 4180 quoting. A text cell a spreadsheet would
 * run as a formula (starting with {@code = + - @}, a tab or a carriage return) is written with a leading apostrophe,
 * so that a company name such as {@code =HYPERLINK(...)} stays text (OWASP, CSV injection); numbers are numbers.
 * Rows are written as they come, so an export streams from a cursor.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final Appendable out;

    private Csv(Appendable out) {
        this.out = out;
    }

    /** A CSV document on {@code out}, its byte-order mark written; {@code out} must encode UTF-8. */
    public static Csv on(Appendable out) {
        Csv csv = new Csv(out);
        csv.append("\uFEFF");
        return csv;
    }

    public Csv row(@Nullable Object... cells) {
        return row(Arrays.asList(cells));
    }

    public Csv row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(';');
            }
            line.append(cell(cells.get(i)));
        }
        append(line.append("\r\n"));
        return this;
    }

    /** One cell as written: formatted, guarded against formulas, quoted where needed. */
    public static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            DecimalFormat format = new DecimalFormat("0.##########", DecimalFormatSymbols.getInstance(Locale.FRANCE));
            format.setMinimumFractionDigits(Math.max(0, decimal.scale()));
            return format.format(decimal).replace('\u2212', '-');
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof Instant instant) {
            return TIMESTAMP.format(instant.atZone(BasinCalendar.ZONE));
        }
        return quoted(defused(value.toString()));
    }

    private static String defused(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String quoted(String text) {
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private void append(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
