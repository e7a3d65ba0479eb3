package org.alize.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A spreadsheet people already keep, read as a table: CSV (UTF-8, with or without its BOM; separated by semicolons as
 * French spreadsheets write them, commas or tabs; quotes as RFC 4180) or XLSX (its first sheet). The first row names the
 * columns, matched without case, accents or punctuation ({@code « Prénom »} is {@code prenom}). Bounded whatever comes:
 * {@value #MAX_ROWS} rows, {@value #MAX_COLUMNS} columns, {@value #MAX_CELL} characters a cell; an XLSX whose parts
 * inflate too much is refused before it is read. And the templates: the columns, an example row, a sheet that says what
 * each column takes.
 */
public final class Spreadsheet {

    public static final int MAX_ROWS = 2_000;
    public static final int MAX_COLUMNS = 60;
    public static final int MAX_CELL = 1_000;
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static {
        ZipSecureFile.setMinInflateRatio(0.01); // a zip bomb inflates more than 100 times
        ZipSecureFile.setMaxEntrySize(20L * 1024 * 1024);
    }

    private Spreadsheet() {
    }

    /** A file that cannot be read as a table, with the reason in French. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String reason) {
            super(reason);
        }
    }

    /** A data row: its number in the file (the header is row 1) and its cells by normalised column name. */
    public record Line(int number, Map<String, String> cells) {

        /** The cell, stripped; null when empty or absent. */
        public String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public record Table(List<String> columns, List<Line> lines) {
    }

    /** A column of a template: its name in the header, whether it must be filled, what it takes. */
    public record Column(String name, boolean required, String help) {
    }

    public static Table read(byte[] content) {
        if (content == null || content.length == 0) {
            throw new Unreadable("le fichier est vide");
        }
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        List<List<String>> rows = zip ? xlsx(content) : csv(content);
        if (rows.isEmpty()) {
            throw new Unreadable("le fichier n'a pas de ligne d'en-tête");
        }
        List<String> columns = new ArrayList<>();
        for (String header : rows.get(0)) {
            columns.add(normalise(header));
        }
        if (columns.stream().allMatch(String::isEmpty)) {
            throw new Unreadable("la première ligne doit nommer les colonnes");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<String, String> named = new LinkedHashMap<>();
            for (int c = 0; c < Math.min(cells.size(), columns.size()); c++) {
                if (!columns.get(c).isEmpty()) {
                    named.put(columns.get(c), cells.get(c));
                }
            }
            lines.add(new Line(i + 1, named));
        }
        return new Table(List.copyOf(columns), List.copyOf(lines));
    }

    /** {@code « Prénom (obligatoire) »} → {@code prenom_obligatoire}. */
    public static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String plain = Normalizer.normalize(header.strip().replace("\uFEFF", ""), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    private static List<List<String>> csv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("le fichier n'est ni un XLSX ni un CSV en UTF-8 (enregistrez-le en « CSV UTF-8 »)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char separator = count(header, ';') >= Math.max(count(header, ','), count(header, '\t')) && count(header, ';') > 0 ? ';'
                : count(header, '\t') > count(header, ',') ? '\t' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    append(cell, c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                add(row, cell);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                add(row, cell);
                addRow(rows, row);
                row = new ArrayList<>();
            } else {
                append(cell, c);
            }
        }
        if (quoted) {
            throw new Unreadable("guillemet non refermé à la ligne " + (rows.size() + 1));
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            add(row, cell);
            addRow(rows, row);
        }
        return rows;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }

    private static void append(StringBuilder cell, char c) {
        if (cell.length() >= MAX_CELL) {
            throw new Unreadable("une cellule dépasse " + MAX_CELL + " caractères");
        }
        cell.append(c);
    }

    private static void add(List<String> row, StringBuilder cell) {
        if (row.size() >= MAX_COLUMNS) {
            throw new Unreadable("plus de " + MAX_COLUMNS + " colonnes");
        }
        row.add(cell.toString());
        cell.setLength(0);
    }

    private static void addRow(List<List<String>> rows, List<String> row) {
        if (rows.size() > MAX_ROWS) {
            throw new Unreadable("plus de " + MAX_ROWS + " lignes : découpez le fichier");
        }
        rows.add(row);
    }

    private static List<List<String>> xlsx(byte[] content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new Unreadable("le classeur n'a pas de feuille");
            }
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS + 1) {
                throw new Unreadable("plus de " + MAX_ROWS + " lignes : découpez le fichier");
            }
            DataFormatter formatter = new DataFormatter(Locale.FRANCE);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    if (row.getLastCellNum() > MAX_COLUMNS) {
                        throw new Unreadable("plus de " + MAX_COLUMNS + " colonnes");
                    }
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        String value = text(row.getCell(c), formatter);
                        if (value.length() > MAX_CELL) {
                            throw new Unreadable("une cellule dépasse " + MAX_CELL + " caractères");
                        }
                        cells.add(value);
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable unreadable) {
                throw unreadable;
            }
            throw new Unreadable("le classeur XLSX est illisible ou trop volumineux une fois décompressé");
        }
    }

    /** A cell as text: a date as ISO (2024-03-15), a number without grouping (1234.5), anything else as shown. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return LocalDate.ofInstant(cell.getDateCellValue().toInstant(), ZoneOffset.UTC).toString();
            }
            return java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.BOOLEAN) {
            return cell.getBooleanCellValue() ? "oui" : "non";
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    /** A template as CSV: UTF-8 with its BOM (so that a French spreadsheet opens it right), semicolons. */
    public static byte[] csvTemplate(List<Column> columns, List<List<String>> examples) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(";", columns.stream().map(c -> quote(c.name())).toList())).append("\r\n");
        for (List<String> example : examples) {
            out.append(String.join(";", example.stream().map(Spreadsheet::quote).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A template as XLSX: the columns (the required ones in bold) and examples, then a sheet « Aide ». */
    public static byte[] xlsxTemplate(String title, List<Column> columns, List<List<String>> examples) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(title);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle required = workbook.createCellStyle();
            required.setFont(bold);
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).name());
                if (columns.get(c).required()) {
                    cell.setCellStyle(required);
                }
                sheet.setColumnWidth(c, Math.min(60, Math.max(14, columns.get(c).name().length() + 4)) * 256);
            }
            for (int r = 0; r < examples.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < examples.get(r).size(); c++) {
                    row.createCell(c).setCellValue(examples.get(r).get(c));
                }
            }
            Sheet help = workbook.createSheet("Aide");
            Row helpHeader = help.createRow(0);
            helpHeader.createCell(0).setCellValue("Colonne");
            helpHeader.createCell(1).setCellValue("Obligatoire");
            helpHeader.createCell(2).setCellValue("Ce qu'elle contient");
            for (int c = 0; c < columns.size(); c++) {
                Row row = help.createRow(c + 1);
                row.createCell(0).setCellValue(columns.get(c).name());
                row.createCell(1).setCellValue(columns.get(c).required() ? "oui" : "non");
                row.createCell(2).setCellValue(columns.get(c).help());
            }
            help.setColumnWidth(0, 28 * 256);
            help.setColumnWidth(2, 100 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("template not written", e);
        }
    }

    private static String quote(String value) {
        String v = value == null ? "" : value;
        return v.contains(";") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
