package org.alize.project;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A French A4 document built line by line (OpenPDF, Helvetica). French number formats use a narrow
 * no-break space that Helvetica lacks: it is written as a plain no-break space.
 */
public final class PdfReport {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 8);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final Document document = new Document(PageSize.A4, 50, 50, 50, 50);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public PdfReport(String title, String subtitle) {
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.open();
        Paragraph heading = new Paragraph(clean(title), TITLE);
        heading.setAlignment(Element.ALIGN_CENTER);
        document.add(heading);
        if (subtitle != null) {
            Paragraph sub = new Paragraph(clean(subtitle), TEXT);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(12);
            document.add(sub);
        }
    }

    public PdfReport heading(String text) {
        Paragraph p = new Paragraph(clean(text), HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
        return this;
    }

    public PdfReport paragraph(String text) {
        if (text != null && !text.isBlank()) {
            document.add(new Paragraph(clean(text), TEXT));
        }
        return this;
    }

    public PdfReport field(String label, String value) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(clean(label) + " : ", BOLD));
        phrase.add(new Chunk(clean(value == null || value.isBlank() ? "—" : value), TEXT));
        document.add(new Paragraph(phrase));
        return this;
    }

    public PdfReport table(List<String> headers, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(headers.size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        headers.forEach(h -> table.addCell(new PdfPCell(new Phrase(clean(h), BOLD))));
        rows.forEach(row -> row.forEach(cell -> table.addCell(new PdfPCell(new Phrase(clean(cell == null ? "" : cell), TEXT)))));
        document.add(table);
        return this;
    }

    public PdfReport note(String text) {
        Paragraph p = new Paragraph(clean(text), SMALL);
        p.setSpacingBefore(16);
        document.add(p);
        return this;
    }

    public byte[] finish() {
        document.close();
        return out.toByteArray();
    }

    public static String euros(BigDecimal amount) {
        return amount == null ? "—" : NumberFormat.getCurrencyInstance(Locale.FRANCE).format(amount);
    }

    public static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    private static String clean(String text) {
        return text.replace('\u202F', '\u00A0');
    }
}
