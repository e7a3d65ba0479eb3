package org.alize.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpreadsheetTest {

    @Test
    void a_french_csv_reads_with_its_bom_semicolons_quotes_and_line_breaks_in_cells() {
        String csv = "\uFEFFPrénom;Nom;\"Adresse (rue)\"\r\nJeanne;\"Martin; dite \"\"Jo\"\"\";\"1 rue\nbâtiment B\"\r\n\r\n;;\r\nLuc;Petit;";
        Spreadsheet.Table table = Spreadsheet.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(table.columns()).containsExactly("prenom", "nom", "adresse_rue");
        assertThat(table.lines()).hasSize(2);
        assertThat(table.lines().get(0).get("nom")).isEqualTo("Martin; dite \"Jo\"");
        assertThat(table.lines().get(0).get("adresse_rue")).isEqualTo("1 rue\nbâtiment B");
        assertThat(table.lines().get(1).number()).as("the file's own line numbers, blank lines skipped").isEqualTo(5);
        assertThat(table.lines().get(1).get("adresse_rue")).isNull();
    }

    @Test
    void commas_or_tabs_separate_too() {
        assertThat(Spreadsheet.read("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).lines().get(0).get("b")).isEqualTo("2");
        assertThat(Spreadsheet.read("a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8)).lines().get(0).get("b")).isEqualTo("2");
    }

    @Test
    void a_template_in_xlsx_reads_back_as_it_was_written() {
        List<Spreadsheet.Column> columns = List.of(new Spreadsheet.Column("Nom", true, "le nom"),
                new Spreadsheet.Column("Montant (€)", false, "en euros"));
        byte[] xlsx = Spreadsheet.xlsxTemplate("Modèle", columns, List.of(List.of("Usinor", "60000")));
        Spreadsheet.Table table = Spreadsheet.read(xlsx);

        assertThat(table.columns()).containsExactly("nom", "montant");
        assertThat(table.lines().get(0).get("montant")).isEqualTo("60000");
        assertThat(new String(Spreadsheet.csvTemplate(columns, List.of(List.of("A;B", "1"))), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFNom;Montant (€)\r\n\"A;B\";1\r\n");
    }

    @Test
    void what_is_not_a_bounded_table_is_refused_with_its_reason() {
        assertThatThrownBy(() -> Spreadsheet.read("a;b\n\"open".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("guillemet");
        assertThatThrownBy(() -> Spreadsheet.read(("a\n" + "x".repeat(Spreadsheet.MAX_CELL + 1)).getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("caractères");
        assertThatThrownBy(() -> Spreadsheet.read((";".repeat(Spreadsheet.MAX_COLUMNS + 1)).getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("colonnes");
        assertThatThrownBy(() -> Spreadsheet.read(new byte[] {'P', 'K', 3, 4, 9, 9})).hasMessageContaining("XLSX");
    }
}
