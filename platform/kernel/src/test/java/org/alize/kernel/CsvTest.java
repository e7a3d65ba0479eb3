package org.alize.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void french_spreadsheet_conventions_with_a_byte_order_mark() {
        StringBuilder out = new StringBuilder();
        Csv.on(out).row("Nom", "Montant", "Date", "À jour")
                .row("Dupont; « fils »", new BigDecimal("1234567.50"), LocalDate.of(2025, 3, 1), Instant.parse("2025-07-01T10:00:00Z"))
                .row("dit \"Jo\"", null, null, null);

        assertThat(out.toString()).isEqualTo("\uFEFFNom;Montant;Date;À jour\r\n"
                + "\"Dupont; « fils »\";1234567,50;01/03/2025;01/07/2025 12:00:00\r\n"
                + "\"dit \"\"Jo\"\"\";;;\r\n");
    }

    @Test
    void a_text_that_a_spreadsheet_would_run_as_a_formula_stays_text() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\";\"Cliquez\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\";\"\"Cliquez\"\")\"");
        assertThat(Csv.cell("+33 6 12 34 56 78")).isEqualTo("'+33 6 12 34 56 78");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.cell("Société = SAS")).isEqualTo("Société = SAS");
    }

    @Test
    void numbers_stay_numbers_negative_ones_too() {
        assertThat(Csv.cell(new BigDecimal("-12.50"))).isEqualTo("-12,50");
        assertThat(Csv.cell(-3)).isEqualTo("-3");
        assertThat(Csv.cell(new BigDecimal("0.0"))).isEqualTo("0,0");
    }
}
