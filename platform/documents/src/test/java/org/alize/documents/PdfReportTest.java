package org.alize.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

class PdfReportTest {

    @Test
    void a_report_reads_back_its_text_declares_french_and_draws_its_charts() throws Exception {
        byte[] pdf = new PdfReport("Rapport d'activité 2026", "Bassin du Valenciennois")
                .heading("Chiffres clés")
                .compactTable(List.of("Indicateur", "Valeur", "Référence"),
                        List.of(List.of("Projets agréés", "12", "12"), List.of("Ressources", "912\u202F000,00\u00A0€", "900\u00A0000,00\u00A0€")),
                        new float[] {4, 1, 1})
                .barChart("Profil des ressources", "Part de chaque catégorie de financeurs face à sa référence",
                        List.of(new PdfReport.Bar("Entreprises", 46, 40.0, "46 %"),
                                new PdfReport.Bar("Collectivités et une étiquette beaucoup trop longue pour tenir sur la ligne du graphique",
                                        25, 25.0, "25 %")))
                .newPage()
                .paragraph("Méthodes et définitions")
                .finish();

        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        String first = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(first).contains("Rapport d'activité 2026", "Bassin du Valenciennois", "Projets agréés", "Chiffres clés");
        assertThat(first.replaceAll("[\\s\\u00A0]+", " ")).contains("912 000,00 €", "Entreprises 46 %")
                .as("a label too long for the chart is cut").contains("po…25 %");
        assertThat(new PdfTextExtractor(reader).getTextFromPage(2)).contains("Méthodes et définitions");
        assertThat(reader.getCatalog().getAsString(PdfName.LANG).toString()).isEqualTo("fr-FR");
        assertThat(reader.getInfo()).containsEntry("Title", "Rapport d'activité 2026");
        assertThat(new String(reader.getPageContent(1), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Do");
    }
}
