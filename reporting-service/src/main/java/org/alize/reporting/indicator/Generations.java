package org.alize.reporting.indicator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.alize.tenancy.BasinContext;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which generation of the read models the views read and the live consumer writes: one document in
 * {@code reporting_network.generations}, read on every use so that a switch is seen at once by every thread.
 */
@Component
public class Generations {

    private static final String COLLECTION = "generations";
    private static final String ACTIVE = "active";

    private final MongoTemplate mongo;
    private final Set<Generation> indexed = ConcurrentHashMap.newKeySet();

    Generations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Generation active() {
        return BasinContext.callInNetwork(() -> {
            Document active = mongo.findById(ACTIVE, Document.class, COLLECTION);
            return active == null ? Generation.FIRST : new Generation(active.getInteger("number"));
        });
    }

    public void activate(Generation generation) {
        BasinContext.callInNetwork(() -> mongo.upsert(query(where("_id").is(ACTIVE)),
                new Update().set("number", generation.number()), COLLECTION));
    }

    /** Drops every collection of a generation no longer in use. */
    public void drop(Generation generation) {
        if (generation.number() == active().number()) {
            throw new IllegalArgumentException("the active generation " + generation + " cannot be dropped");
        }
        BasinContext.callInNetwork(() -> {
            List<String> names = new ArrayList<>();
            Facts.ALL.forEach(base -> names.add(generation.collection(base)));
            names.add(generation.indicators());
            names.add(generation.conventionIndicators());
            names.add(generation.freshness());
            names.stream().filter(mongo::collectionExists).forEach(mongo::dropCollection);
            return null;
        });
        indexed.remove(generation);
    }

    /** The facts are read by basin, the indicators by basin and by year: index a generation once per JVM. */
    public void ensureIndexes(Generation generation) {
        if (indexed.contains(generation)) {
            return;
        }
        BasinContext.callInNetwork(() -> {
            for (String base : Facts.ALL) {
                mongo.indexOps(generation.collection(base)).createIndex(new Index("basinId", Sort.Direction.ASC));
            }
            mongo.indexOps(generation.indicators()).createIndex(new Index().on("basinId", Sort.Direction.ASC)
                    .on("year", Sort.Direction.ASC).named("basin_year"));
            mongo.indexOps(generation.indicators()).createIndex(new Index().on("year", Sort.Direction.ASC)
                    .on("basinId", Sort.Direction.ASC).named("year_basin"));
            mongo.indexOps(generation.conventionIndicators()).createIndex(new Index("basinId", Sort.Direction.ASC));
            return null;
        });
        indexed.add(generation);
    }
}
