package org.alize.documents.imports;

import java.util.List;
import java.util.function.Supplier;

import org.alize.documents.Spreadsheet.Line;

/**
 * Judges the rows of one service's imports: what each would do against the basin as it stands (by its natural key),
 * and how to do it. {@code C} is what the rows above the one judged have settled (keys seen, what they create).
 */
public interface ImportPlanner<C> {

    /** What a row would do, and how to do it ({@code apply} returns the id of what it created or changed). */
    record Plan(ImportRow.Outcome outcome, String targetId, String summary, List<ImportRow.Problem> problems,
            Supplier<String> apply) {

        public static Plan refused(List<ImportRow.Problem> problems) {
            return new Plan(ImportRow.Outcome.REFUSED, null, null, List.copyOf(problems), null);
        }
    }

    /** A fresh context for one pass over a file's rows. */
    C context();

    Plan plan(Importable kind, Line line, C context, String by);

    /** After a commit's rows: what they gathered to write at once (the pledges of a convention); nothing by default. */
    default void finish(Importable kind, C context, String by) {
    }
}
