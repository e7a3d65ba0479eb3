package org.alize.documents;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import java.awt.Color;

import com.lowagie.text.Chunk;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
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
 * A French A4 document built line by line (OpenPDF, Helvetica): headings, paragraphs, tables and horizontal bar
 * charts. French number formats use a narrow no-break space that Helvetica lacks: it is written as a plain no-break
 * space. The document declares its language (fr-FR) and title for readers and assistive technology; OpenPDF does
 * not build a structure tree from its elements, so the PDF is not tagged, and every chart is followed by a table of
 * the same figures.
 */
public final class PdfReport {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 8);
    private static final Font SMALL_TEXT = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font SMALL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private static final Color BAR = new Color(0x1f, 0x4e, 0x8c);
    private static final Color REFERENCE = new Color(0xc0, 0x39, 0x2b);

    private final Document document = new Document(PageSize.A4, 50, 50, 50, 50);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PdfWriter writer;

    public PdfReport(String title, String subtitle) {
        writer = PdfWriter.getInstance(document, out);
        document.addTitle(clean(title));
        document.addCreator("Plateforme du réseau ALIZÉ");
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("fr-FR"));
        writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);
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

    /** A table in a smaller type, for many columns; {@code widths} are relative (null: equal columns). */
    public PdfReport compactTable(List<String> headers, List<List<String>> rows, float[] widths) {
        PdfPTable table = new PdfPTable(headers.size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        if (widths != null) {
            table.setWidths(widths);
        }
        headers.forEach(h -> table.addCell(new PdfPCell(new Phrase(clean(h), SMALL_BOLD))));
        rows.forEach(row -> row.forEach(cell -> {
            PdfPCell pdfCell = new PdfPCell(new Phrase(clean(cell == null ? "" : cell), SMALL_TEXT));
            pdfCell.setHorizontalAlignment(numeric(cell) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            table.addCell(pdfCell);
        }));
        document.add(table);
        return this;
    }

    /** One bar of a chart: its label, its value, the reference it is read against (null: none), the value as written. */
    public record Bar(String label, double value, Double reference, String text) {
    }

    /**
     * A horizontal bar chart: one bar per figure, its value written at its end, the reference (when there is one) as
     * a red mark across the bar. {@code description} says in words what it shows (the image's alternative text).
     */
    public PdfReport barChart(String title, String description, List<Bar> bars) {
        return barChart(title, description, bars, "la référence du programme");
    }

    /** A bar chart whose red marks are {@code referenceLegend} (« les emplois prévus »), as its legend says. */
    public PdfReport barChart(String title, String description, List<Bar> bars, String referenceLegend) {
        heading(title);
        if (bars.isEmpty()) {
            return paragraph("Aucune donnée pour ce graphique.");
        }
        float width = document.right() - document.left();
        float row = 16;
        float height = bars.size() * row + 6;
        float labels = width * 0.42f;
        float values = 78;
        float span = width - labels - values - 8;
        double max = bars.stream().mapToDouble(b -> Math.max(b.value(), b.reference() == null ? 0 : b.reference()))
                .max().orElse(0);
        double scale = max <= 0 ? 0 : span / max;
        PdfTemplate chart = writer.getDirectContent().createTemplate(width, height);
        BaseFont font = helvetica();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            float y = height - (i + 1) * row + 4;
            chart.setColorFill(Color.BLACK);
            chart.beginText();
            chart.setFontAndSize(font, 8);
            chart.showTextAligned(Element.ALIGN_LEFT, fit(clean(bar.label()), font, 8, labels - 6), 0, y, 0);
            chart.showTextAligned(Element.ALIGN_LEFT, clean(bar.text()), labels + span + 8, y, 0);
            chart.endText();
            chart.setColorFill(BAR);
            chart.rectangle(labels, y - 2, (float) Math.max(0, bar.value() * scale), 10);
            chart.fill();
            if (bar.reference() != null && bar.reference() > 0) {
                float x = labels + (float) (bar.reference() * scale);
                chart.setColorStroke(REFERENCE);
                chart.setLineWidth(1.5f);
                chart.moveTo(x, y - 4);
                chart.lineTo(x, y + 10);
                chart.stroke();
            }
        }
        Image image;
        try {
            image = Image.getInstance(chart);
        } catch (com.lowagie.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
        image.setAlt(clean(description));
        document.add(image);
        if (bars.stream().anyMatch(b -> b.reference() != null)) {
            note("Trait rouge : " + referenceLegend + ".");
        }
        return this;
    }

    /** What follows starts on a new page. */
    public PdfReport newPage() {
        document.newPage();
        return this;
    }

    private static BaseFont helvetica() {
        try {
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text cut with an ellipsis so that it fits {@code width} points. */
    private static String fit(String text, BaseFont font, float size, float width) {
        if (font.getWidthPoint(text, size) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && font.getWidthPoint(cut + "…", size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }

    private static boolean numeric(String cell) {
        return cell != null && !cell.isBlank() && cell.strip().matches("[-−]?[0-9][0-9\u00A0\u202F ,.]*(\\s?(€|%|jours?))?");
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
        // Helvetica (WinAnsi) has no arrow: « dépôt → décision » is written « dépôt – décision »
        return text.replace('\u202F', '\u00A0').replace('\u2192', '\u2013');
    }
}
