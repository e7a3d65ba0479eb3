package org.alize.documents.imports;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One spreadsheet imported into a basin: previewed (each row's outcome, nothing written), then committed (the rows
 * accepted written, each by its natural key, so that committing again or importing the same file again changes
 * nothing). Its rows are documents of their own ({@link ImportRow}).
 *
 * @param kind   what it imports: its {@link Importable}'s name
 * @param counts rows per outcome
 */
@Document("imports")
public record SpreadsheetImport(@Id String id, String kind, String filename, String sha256, Status status, int rows,
        Map<ImportRow.Outcome, Integer> counts, Instant createdAt, String createdBy, Instant committingSince,
        Instant committedAt, String committedBy) {

    public enum Status {
        PREVIEWED("Aperçu : rien n'est encore enregistré"),
        COMMITTING("Import en cours"),
        COMMITTED("Importé");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    SpreadsheetImport committed(Map<ImportRow.Outcome, Integer> counted, Instant at, String by) {
        return new SpreadsheetImport(id, kind, filename, sha256, Status.COMMITTED, rows, counted, createdAt, createdBy, null, at, by);
    }
}
