package org.alize.reporting.indicator;

import java.util.List;

import org.bson.Document;

/** Every fact of one basin, as the fact collections hold them. */
public record BasinFacts(String basinId, List<Document> projects, List<Document> sessions, List<Document> meetings,
        List<Document> conventions, List<Document> advances, List<Document> money) {
}
