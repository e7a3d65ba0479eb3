package org.alize.project.project;

import java.time.LocalDate;

import org.alize.kernel.problem.InvalidInput;

/**
 * An analysis of the project before the committee decides: the prescriber's preliminary diagnosis,
 * with the selection scores of R-21, or a complementary diagnosis by a named business professional.
 */
public record Diagnosis(Kind kind, String author, String authorPersonId, String authorOrganisation, LocalDate writtenOn,
        String summary, String strengths, String risks, String recommendation, Scores scores) {

    public enum Kind {
        PRELIMINARY, COMPLEMENTARY
    }

    /** Selection criteria, each from 1 (weak) to 5 (strong): project quality, holder's capacity, territorial impact. */
    public record Scores(int quality, int holderCapacity, int territorialImpact) {
        public Scores {
            for (int score : new int[] {quality, holderCapacity, territorialImpact}) {
                if (score < 1 || score > 5) {
                    throw InvalidInput.field("scores", "chaque critère se note de 1 à 5");
                }
            }
        }
    }

    public Diagnosis {
        if (summary == null || summary.isBlank()) {
            throw InvalidInput.field("summary", "le diagnostic a une synthèse");
        }
        if (author == null || author.isBlank()) {
            throw InvalidInput.field("author", "l'auteur du diagnostic est obligatoire");
        }
        if (writtenOn == null) {
            throw InvalidInput.field("writtenOn", "la date du diagnostic est obligatoire");
        }
        if (kind == Kind.PRELIMINARY && scores == null) {
            throw InvalidInput.field("scores", "le diagnostic préalable note les critères de sélection (R-21)");
        }
    }
}
