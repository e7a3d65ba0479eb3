package org.alize.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.alize.kernel.BasinCalendar;
import org.alize.reporting.view.Currency;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX with a bold, frozen header row and typed cells: numbers as numbers, euros and percents with their
 * format, dates as date cells, so that the spreadsheet sorts and sums them. Streams rows (SXSSF) so a
 * network table of a thousand basins stays small in memory.
 */
public final class XlsxExport {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxExport() {
    }

    public static byte[] write(Table table) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Map<Table.Kind, CellStyle> styles = styles(workbook);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Sheet sheet = workbook.createSheet(sheetName(table.name()));
            Row first = sheet.createRow(0);
            List<Table.Column> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, Math.min(255, Math.max(12, columns.get(c).header().length() + 2)) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    write(row.createCell(c), values.get(c), styles.get(columns.get(c).kind()));
                }
            }
            about(workbook, table, header, styles.get(Table.Kind.TIMESTAMP));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A second sheet saying what the first one is and up to which event it is current. */
    private static void about(SXSSFWorkbook workbook, Table table, CellStyle header, CellStyle timestamp) {
        Sheet sheet = workbook.createSheet("À propos");
        Currency currency = table.currentAsOf();
        Object[][] lines = {
            {"Vue", table.name()},
            {"À jour au dernier événement du", currency == null ? null : currency.newestAsOf()},
            {"Événement le plus ancien pris en compte en dernier", currency == null ? null : currency.oldestAsOf()},
            {"Dernier événement", currency == null ? null : currency.lastEventType() + " " + currency.lastEventId()},
            {"Événements appliqués", currency == null ? null : currency.eventsApplied()},
            {"Source", "ALIZÉ — reporting-service, modèles de lecture construits depuis les topics du réseau"}};
        for (int r = 0; r < lines.length; r++) {
            Row row = sheet.createRow(r);
            Cell label = row.createCell(0);
            label.setCellValue((String) lines[r][0]);
            label.setCellStyle(header);
            write(row.createCell(1), lines[r][1], lines[r][1] instanceof Instant ? timestamp : null);
        }
        sheet.setColumnWidth(0, 50 * 256);
        sheet.setColumnWidth(1, 60 * 256);
    }

    private static void write(Cell cell, Object value, CellStyle style) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal decimal) {
            cell.setCellValue(decimal.doubleValue());
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else if (value instanceof Instant instant) {
            cell.setCellValue(instant.atZone(BasinCalendar.ZONE).toLocalDateTime());
        } else {
            cell.setCellValue(value.toString());
            return;
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static Map<Table.Kind, CellStyle> styles(SXSSFWorkbook workbook) {
        Map<Table.Kind, CellStyle> styles = new EnumMap<>(Table.Kind.class);
        Map<Table.Kind, String> formats = Map.of(Table.Kind.TEXT, "@", Table.Kind.INTEGER, "#,##0",
                Table.Kind.DECIMAL, "General", Table.Kind.EUROS, "#,##0.00 \"€\"", Table.Kind.PERCENT, "0.0 \"%\"",
                Table.Kind.DATE, "dd/mm/yyyy", Table.Kind.TIMESTAMP, "dd/mm/yyyy hh:mm:ss");
        formats.forEach((kind, format) -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            styles.put(kind, style);
        });
        return styles;
    }

    /** Sheet names: at most 31 characters, none of {@code : \ / ? * [ ]}. */
    private static String sheetName(String name) {
        String clean = name.replaceAll("[:\\\\/?*\\[\\]]", "-");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }
}
