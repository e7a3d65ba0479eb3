package org.alize.documents.imports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.alize.documents.Spreadsheet;
import org.alize.kernel.problem.ApiProblem;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.Ids;
import org.alize.tenancy.web.Paged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A spreadsheet imported in two steps, for a service that declares its kinds and its {@link ImportPlanner}. The
 * preview reads it, judges every row and writes nothing but the import and its rows. The commit, in the background,
 * judges each row again against the basin as it stands then (another import, a form, may have come in between) and
 * does what it says, row by row, then what the rows gathered ({@link ImportPlanner#finish}). No multi-document
 * transaction: each row finds what it changes by its natural key, so a commit cut by a crash is finished by committing
 * again, and the same file imported again changes nothing.
 */
public class Imports<C> implements org.springframework.beans.factory.DisposableBean {

    /** A preview never committed is dropped after this; a committed import's rows, after {@link #KEPT}. */
    static final Duration PREVIEW_KEPT = Duration.ofDays(7);
    static final Duration KEPT = Duration.ofDays(400);
    /** Imports dropped at most at each new preview: the cleaning follows the imports, it never sweeps the history. */
    static final int PRUNED_PER_PREVIEW = 10;
    /** A commit left « en cours » longer than this (its instance died) may be taken up again. */
    static final Duration STALE_COMMIT = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final MongoTemplate mongo;
    private final ImportPlanner<C> planner;
    private final List<? extends Importable> kinds;
    private final Clock clock;
    /** Two commits at a time on this instance, a hundred waiting at most: one basin's big file cannot hold the rest. */
    private final java.util.concurrent.ThreadPoolExecutor workers = new java.util.concurrent.ThreadPoolExecutor(2, 2, 0,
            java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(100), runnable -> {
                Thread thread = new Thread(runnable, "alize-import");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * The most events the service's outbox may hold not yet published while a commit writes its next row: a file of
     * 2,000 projects raises some 12,000 events, which would otherwise queue ahead of every other basin's.
     */
    static final int PACE_BACKLOG = 200;
    /** The longest a row waits for the outbox to drain: a broker that does not answer slows an import, never stops it. */
    static final Duration PACE_MAX_WAIT = Duration.ofSeconds(2);

    private final java.util.function.IntSupplier backlog;

    /**
     * @param backlog how many events the service's outbox holds not yet published ({@code OutboxRelay::backlog}): a
     *                commit writes its rows at the pace they are published, so that one basin's big file leaves room
     *                for the others' events
     */
    public Imports(MongoTemplate mongo, ImportPlanner<C> planner, List<? extends Importable> kinds, Clock clock,
            java.util.function.IntSupplier backlog) {
        this.mongo = mongo;
        this.planner = planner;
        this.kinds = List.copyOf(kinds);
        this.clock = clock;
        this.backlog = backlog;
        // mapped now, so that each basin's database gets their indexes with the service's own documents
        mongo.getConverter().getMappingContext().getPersistentEntity(SpreadsheetImport.class);
        mongo.getConverter().getMappingContext().getPersistentEntity(ImportRow.class);
    }

    /** What this service imports. */
    public List<? extends Importable> kinds() {
        return kinds;
    }

    /** The kind named {@code segment} in paths; 404 for any other. */
    public Importable kind(String segment) {
        return kinds.stream().filter(k -> k.segment().equals(segment) || k.name().equalsIgnoreCase(segment)).findFirst()
                .orElseThrow(() -> new NotFound("import.kind-not-found", "On n'importe pas « "
                        + (segment == null || segment.length() > 40 ? "?" : segment) + " » ici : "
                        + String.join(", ", kinds.stream().map(Importable::segment).toList()) + "."));
    }

    /** The kind an import was stored with ({@link SpreadsheetImport#kind}, its name), if this service still has it. */
    public java.util.Optional<Importable> kindOf(SpreadsheetImport stored) {
        return kinds.stream().filter(k -> k.name().equals(stored.kind())).findFirst().map(k -> (Importable) k);
    }

    private Importable stored(SpreadsheetImport found) {
        return kindOf(found).orElseThrow(() -> new IllegalStateException("import " + found.id() + " of an unknown kind "
                + found.kind()));
    }

    /** The preview: every row judged, nothing of the basin written. */
    public SpreadsheetImport preview(Importable kind, String filename, byte[] content, String by) {
        Spreadsheet.Table table;
        try {
            table = Spreadsheet.read(content);
        } catch (Spreadsheet.Unreadable unreadable) {
            throw InvalidInput.field("file", unreadable.getMessage());
        }
        Set<String> missing = new TreeSet<>();
        for (Spreadsheet.Column column : kind.columns()) {
            if (column.required() && !table.columns().contains(Spreadsheet.normalise(column.name()))) {
                missing.add(column.name());
            }
        }
        if (!missing.isEmpty()) {
            throw InvalidInput.field("file", "colonnes obligatoires absentes de la première ligne : " + String.join(", ", missing)
                    + " (partez du modèle)");
        }
        if (table.lines().isEmpty()) {
            throw InvalidInput.field("file", "aucune ligne de données sous l'en-tête");
        }
        prune();
        String id = Ids.next("imp");
        C context = planner.context();
        List<ImportRow> rows = new ArrayList<>();
        Map<ImportRow.Outcome, Integer> counts = new EnumMap<>(ImportRow.Outcome.class);
        for (Spreadsheet.Line line : table.lines()) {
            ImportPlanner.Plan plan = planner.plan(kind, line, context, by);
            rows.add(new ImportRow(id + ":" + line.number(), id, line.number(), line.cells(), plan.outcome(), plan.targetId(),
                    plan.summary(), plan.problems()));
            counts.merge(plan.outcome(), 1, Integer::sum);
        }
        mongo.insertAll(rows);
        String name = filename == null || filename.isBlank() ? kind.segment() : filename.strip();
        SpreadsheetImport made = mongo.insert(new SpreadsheetImport(id, kind.name(), name.length() > 200 ? name.substring(0, 200) : name,
                sha256(content), SpreadsheetImport.Status.PREVIEWED, rows.size(), counts, clock.instant(), by, null, null, null));
        log.info("import {} of {} ({}, {} rows) previewed by {}: {}", id, BasinContext.require(), kind, rows.size(), by, counts);
        return made;
    }

    /**
     * The commit, started: the import is claimed (« en cours ») and its rows are written in the background, so that a
     * file of 2,000 rows never outlasts the gateway's time limit; the import says when it is done. Idempotent: a committed
     * import answers as it is, one being committed too; one whose commit died (its instance stopped) is taken up again
     * after {@link #STALE_COMMIT}.
     */
    public SpreadsheetImport commit(String id, String by) {
        SpreadsheetImport found = get(id);
        if (found.status() == SpreadsheetImport.Status.COMMITTED) {
            return found;
        }
        Instant now = clock.instant();
        SpreadsheetImport claimed = mongo.findAndModify(query(where("_id").is(id).orOperator(
                        where("status").is(SpreadsheetImport.Status.PREVIEWED),
                        new Criteria().andOperator(where("status").is(SpreadsheetImport.Status.COMMITTING),
                                where("committingSince").lt(now.minus(STALE_COMMIT))))),
                new Update().set("status", SpreadsheetImport.Status.COMMITTING).set("committingSince", now),
                FindAndModifyOptions.options().returnNew(true), SpreadsheetImport.class);
        if (claimed == null) {
            return get(id); // committed meanwhile, or being committed: the same answer
        }
        BasinId basin = BasinContext.require();
        try {
            workers.execute(() -> BasinContext.runIn(basin, () -> write(claimed, by)));
        } catch (java.util.concurrent.RejectedExecutionException busy) {
            release(id);
            throw new Conflict("import.busy", "Trop d'imports sont en cours sur la plateforme : réessayez dans une minute.");
        }
        return claimed;
    }

    /** Each row judged again and written, then what the rows gathered, then the import marked done. */
    void write(SpreadsheetImport claimed, String by) {
        String id = claimed.id();
        try {
            Importable kind = stored(claimed);
            C context = planner.context();
            Map<ImportRow.Outcome, Integer> counts = new EnumMap<>(ImportRow.Outcome.class);
            for (ImportRow row : mongo.find(query(where("importId").is(id)).with(Sort.by("line")), ImportRow.class)) {
                pace();
                ImportRow done = written(kind, row, context, by);
                mongo.save(done);
                counts.merge(done.outcome(), 1, Integer::sum);
            }
            planner.finish(kind, context, by);
            mongo.save(claimed.committed(counts, clock.instant(), by));
            log.info("import {} of {} committed by {}: {}", id, BasinContext.require(), by, counts);
        } catch (RuntimeException e) {
            // what was written stays (each row by its natural key): committing again finishes it
            log.warn("import {} of {} interrupted, to be committed again: {}", id, BasinContext.require(), e.toString());
            release(id);
        }
    }

    private ImportRow written(Importable kind, ImportRow row, C context, String by) {
        ImportPlanner.Plan plan = planner.plan(kind, new Spreadsheet.Line(row.line(), row.cells()), context, by);
        if (plan.outcome() == ImportRow.Outcome.REFUSED) {
            return new ImportRow(row.id(), row.importId(), row.line(), row.cells(), plan.outcome(), null, null, plan.problems());
        }
        try {
            String target = plan.apply().get();
            return new ImportRow(row.id(), row.importId(), row.line(), row.cells(), plan.outcome().done(), target,
                    plan.summary(), List.of());
        } catch (ApiProblem refused) {
            return new ImportRow(row.id(), row.importId(), row.line(), row.cells(), ImportRow.Outcome.REFUSED, null, null,
                    List.of(new ImportRow.Problem(null, refused.detail(), null)));
        }
    }

    /** Waits, a little at a time and at most {@link #PACE_MAX_WAIT}, while the outbox is behind. */
    private void pace() {
        long deadline = System.nanoTime() + PACE_MAX_WAIT.toNanos();
        while (backlog.getAsInt() > PACE_BACKLOG && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private void release(String id) {
        mongo.updateFirst(query(where("_id").is(id).and("status").is(SpreadsheetImport.Status.COMMITTING)),
                new Update().set("status", SpreadsheetImport.Status.PREVIEWED).unset("committingSince"), SpreadsheetImport.class);
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }

    /**
     * Drops a few imports past keeping (the cells of an import are the basin's people's data: kept no longer than needed),
     * previews first.
     */
    private void prune() {
        Instant now = clock.instant();
        Query old = new Query(new Criteria().orOperator(
                where("status").is(SpreadsheetImport.Status.PREVIEWED).and("createdAt").lt(now.minus(PREVIEW_KEPT)),
                where("createdAt").lt(now.minus(KEPT)))).limit(PRUNED_PER_PREVIEW);
        old.fields().include("_id");
        for (SpreadsheetImport stale : mongo.find(old, SpreadsheetImport.class)) {
            mongo.remove(query(where("importId").is(stale.id())), ImportRow.class);
            mongo.remove(query(where("_id").is(stale.id())), SpreadsheetImport.class);
        }
    }

    public SpreadsheetImport get(String id) {
        SpreadsheetImport found = id == null || id.length() > 64 ? null : mongo.findById(id, SpreadsheetImport.class);
        if (found == null) {
            throw new NotFound("import.not-found", "Aucun import « " + id + " » dans ce bassin.");
        }
        return found;
    }

    public Paged<SpreadsheetImport> list(int page, int size) {
        return Paged.query(mongo, new Query().with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))),
                SpreadsheetImport.class, page, size, i -> i);
    }

    public Paged<ImportRow> rows(String id, ImportRow.Outcome outcome, int page, int size) {
        get(id);
        Criteria criteria = where("importId").is(id);
        if (outcome != null) {
            criteria = criteria.and("outcome").is(outcome);
        }
        return Paged.query(mongo, new Query(criteria).with(Sort.by("line")), ImportRow.class, page, size, r -> r);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
