package org.alize.project.project;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Human references per basin and year ({@code 2026-007}), from an atomic counter in the basin's database. */
@Component
public class References {

    private final MongoTemplate mongo;

    References(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public String next(String kind, int year) {
        return String.format("%d-%03d", year, increment(kind + "-" + year));
    }

    public int nextNumber(String kind) {
        return increment(kind);
    }

    private int increment(String counter) {
        Document updated = mongo.findAndModify(query(where("_id").is(counter)), new Update().inc("value", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "counters");
        return ((Number) updated.get("value")).intValue();
    }
}
