package org.alize.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void french_spreadsheet_conventions() {
        Table table = new Table("t", List.of(Table.text("Nom"), Table.column("Montant", Table.Kind.EUROS),
                Table.column("Date", Table.Kind.DATE), Table.column("À jour", Table.Kind.TIMESTAMP)),
                List.of(Arrays.asList("Dupont; « fils »", new BigDecimal("1234567.50"), LocalDate.of(2025, 3, 1),
                        Instant.parse("2025-07-01T10:00:00Z")), Arrays.asList("dit \"Jo\"", null, null, null)));
        String csv = new String(CsvExport.write(table), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFNom;Montant;Date;À jour\r\n"
                + "\"Dupont; « fils »\";1234567,50;01/03/2025;01/07/2025 12:00:00\r\n"
                + "\"dit \"\"Jo\"\"\";;;\r\n");
    }
}
