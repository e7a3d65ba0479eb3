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
}
