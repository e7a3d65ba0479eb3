package org.alize.basin.registry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.alize.kernel.BasinCalendar;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The registry's commands and queries; every one runs at network level, whoever calls it. */
@Service
public class RegistryService {

    private final BasinRepository basins;
    private final MongoTemplate mongo;
    private final Clock clock;

    RegistryService(BasinRepository basins, MongoTemplate mongo, Clock clock) {
        this.basins = basins;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Basin register(BasinId id, Basin.Details details, String by) {
        return BasinContext.callInNetwork(() -> {
            if (basins.existsById(id.value())) {
                throw new Conflict("basin.exists", "Un bassin « " + id + " » existe déjà dans le réseau.");
            }
            return basins.save(Basin.register(id, details, clock.instant(), by));
        });
    }

    public Basin get(String id) {
        return BasinContext.callInNetwork(() -> basins.findById(id)
                .orElseThrow(() -> new NotFound("basin.not-found", "Aucun bassin « " + id + " » dans le réseau.")));
    }

    public Basin changeDetails(String id, Basin.Details details, String by) {
        return update(id, basin -> basin.changeDetails(details, clock.instant(), by));
    }

    public Basin validate(String id, LocalDate decidedOn, String reference, String reason, String by) {
        return update(id, basin -> basin.validate(decidedOn, reference, reason, today(), clock.instant(), by));
    }

    public Basin activate(String id, List<String> missing, String reason, String by) {
        return update(id, basin -> basin.activate(missing, reason, today(), clock.instant(), by));
    }

    public Basin suspend(String id, String reason, String by) {
        return update(id, basin -> basin.suspend(reason, today(), clock.instant(), by));
    }

    public Basin close(String id, String reason, String by) {
        return update(id, basin -> basin.close(reason, today(), clock.instant(), by));
    }

    /** Marks a closed basin purged once its retention ran out ({@code BasinPurged} tells every service). */
    public Basin purge(String id, java.time.Duration retention, String by) {
        return update(id, basin -> basin.purge(retention, clock.instant(), by));
    }

    /** Basins matching every filter given, by name, one page at a time. */
    public Listing list(Set<BasinStatus> statuses, String region, PriorityCriterion criterion, String text, int page, int size) {
        return BasinContext.callInNetwork(() -> {
            List<Criteria> filters = new ArrayList<>();
            if (statuses != null && !statuses.isEmpty()) {
                filters.add(where("status").in(statuses));
            }
            if (region != null && !region.isBlank()) {
                filters.add(where("region").regex("^" + Pattern.quote(region.strip()) + "$", "i"));
            }
            if (criterion != null) {
                filters.add(where("priorityCriteria").is(criterion));
            }
            if (text != null && !text.isBlank()) {
                filters.add(new Criteria().orOperator(where("name").regex(Pattern.quote(text.strip()), "i"),
                        where("_id").regex(Pattern.quote(text.strip()), "i")));
            }
            Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
            long total = mongo.count(query, Basin.class);
            List<Basin> items = mongo.find(query.with(Sort.by("name")).skip((long) page * size).limit(size), Basin.class);
            return new Listing(items, page, size, total);
        });
    }

    /** The ids of every active basin (R-40: each takes part in the network's meetings). */
    public List<String> activeBasinIds() {
        return BasinContext.callInNetwork(() -> {
            Query query = new Query(where("status").is(BasinStatus.ACTIVE)).with(Sort.by("_id"));
            query.fields().include("_id");
            return mongo.find(query, Basin.class).stream().map(Basin::id).toList();
        });
    }

    /** One page of basins and how many match in all. */
    public record Listing(List<Basin> items, int page, int size, long total) {
    }

    private Basin update(String id, java.util.function.Consumer<Basin> change) {
        return BasinContext.callInNetwork(() -> {
            Basin basin = get(id);
            change.accept(basin);
            return basins.save(basin);
        });
    }

    private LocalDate today() {
        return BasinCalendar.today(clock);
    }
}
