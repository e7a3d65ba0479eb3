package org.alize.documents.imports;

import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A row of an imported spreadsheet: its cells as read, and what it does or did — create, update (what changes),
 * nothing (already so), or refused, with each reason in French and the rule it breaks.
 *
 * @param line     its number in the file (the header is line 1)
 * @param targetId what it creates or changes (an organisation, a person, a project)
 */
@Document("import_rows")
@CompoundIndex(name = "import_line", def = "{'importId': 1, 'line': 1}")
public record ImportRow(@Id String id, String importId, int line, Map<String, String> cells, Outcome outcome, String targetId,
        String summary, List<Problem> problems) {

    public enum Outcome {
        CREATE("À créer"),
        UPDATE("À modifier"),
        UNCHANGED("Déjà à jour"),
        REFUSED("Refusée"),
        CREATED("Créée"),
        UPDATED("Modifiée");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public Outcome done() {
            return this == CREATE ? CREATED : this == UPDATE ? UPDATED : this;
        }
    }

    /**
     * Why a row is refused.
     *
     * @param column the column at fault, as the template names it; null for the row as a whole
     * @param rule   the programme's rule it breaks ({@code R-06}), when one does
     */
    public record Problem(String column, String message, String rule) {
    }
}
