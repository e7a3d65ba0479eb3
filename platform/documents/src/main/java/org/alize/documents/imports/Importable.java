package org.alize.documents.imports;

import java.util.List;

import org.alize.documents.Spreadsheet.Column;

/** What a service imports from spreadsheets: its template's columns (as the header names them) and example rows. */
public interface Importable {

    /** Its stored name ({@code PARTNERS}). */
    String name();

    /** Its name in paths ({@code partenaires}). */
    String segment();

    /** Its title in French. */
    String title();

    List<Column> columns();

    List<List<String>> examples();

    /** A kind given by its values, for a service that imports one kind only. */
    record Of(String name, String segment, String title, List<Column> columns, List<List<String>> examples)
            implements Importable {

        public Of {
            columns = List.copyOf(columns);
            examples = examples.stream().map(List::copyOf).toList();
        }
    }
}
