package org.alize.reporting.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alize.basin.events.BasinRegistered;
import org.alize.basin.events.BasinStatusChanged;
import org.alize.basin.events.NetworkMeetingHeld;
import org.alize.basin.events.PartnershipConventionSigned;
import org.alize.finance.events.AdvanceDisbursed;
import org.alize.finance.events.AdvanceOpened;
import org.alize.finance.events.AdvanceRescheduled;
import org.alize.finance.events.AdvanceWrittenOff;
import org.alize.finance.events.ContributionReceived;
import org.alize.finance.events.LossRecovered;
import org.alize.finance.events.MovementReversed;
import org.alize.finance.events.OperatingExpenseRecorded;
import org.alize.finance.events.RepaymentReceived;
import org.alize.finance.events.RepaymentReversed;
import org.alize.finance.events.TransferRecorded;
import org.alize.finance.events.ValuedContributionRecorded;
import org.alize.kernel.BasinCalendar;
import org.alize.messaging.ReceivedEvent;
import org.alize.project.events.CommitteeSessionHeld;
import org.alize.project.events.CooperationConventionSigned;
import org.alize.project.events.FollowUpReportFiled;
import org.alize.project.events.Means;
import org.alize.project.events.ProjectDecided;
import org.alize.project.events.ProjectStatusChanged;
import org.alize.project.events.ProjectSubmitted;
import org.alize.project.events.SessionDecisionsValidated;
import org.alize.project.events.SkillsDelivered;
import org.alize.reporting.indicator.AdvanceFact;
import org.alize.reporting.indicator.ConventionFact;
import org.alize.reporting.indicator.Facts;
import org.alize.reporting.indicator.Generation;
import org.alize.reporting.indicator.MeetingFact;
import org.alize.reporting.indicator.MoneyFact;
import org.alize.reporting.indicator.ProjectFact;
import org.alize.reporting.indicator.ProjectFact.DecisionFact;
import org.alize.reporting.indicator.ProjectFact.MeansFact;
import org.alize.reporting.indicator.SessionFact;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes the facts an event carries, each as an upsert of values keyed by business ids. Returns whether the
 * event concerned the basin's indicators. Runs in the network scope, into the collections of one generation.
 */
@Component
public class FactWriter {


    private final MongoTemplate mongo;
    private final FactsCache cache;

    FactWriter(MongoTemplate mongo, FactsCache cache) {
        this.mongo = mongo;
        this.cache = cache;
    }

    /**
     * Runs {@code writes} (calls of {@link #write}) with their facts held back and sent as one ordered bulk write
     * per collection at the end, for a replay: a poll of 500 records costs a few round trips, not 500. A read the
     * writes need (a status's sequence, a reversed movement) sends what is held first, so it sees them. The facts
     * written are read back by id, once per collection, for the cache of recently refreshed basins.
     */
    public void batched(Generation generation, Runnable writes) {
        if (pending.get() != null) {
            writes.run();
            return;
        }
        pending.set(new Pending(generation));
        try {
            writes.run();
            flush();
        } finally {
            pending.remove();
        }
    }

    /** The facts held back by {@link #batched}, in order, by collection kind. */
    private static final class Pending {
        private final Generation generation;
        private final Map<String, List<HeldWrite>> byKind = new java.util.LinkedHashMap<>();

        Pending(Generation generation) {
            this.generation = generation;
        }
    }

    /** One write held back: an upsert of the fact {@code id}, or an update only where {@code query} matches. */
    private record HeldWrite(String id, Query query, Update update, boolean upsert) {
    }

    private final ThreadLocal<Pending> pending = new ThreadLocal<>();

    private void flush() {
        Pending held = pending.get();
        if (held == null || held.byKind.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<HeldWrite>> kind : held.byKind.entrySet()) {
            String collection = held.generation.collection(kind.getKey());
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            for (HeldWrite write : kind.getValue()) {
                if (write.upsert()) {
                    bulk.upsert(write.query(), write.update());
                } else {
                    bulk.updateOne(write.query(), write.update());
                }
                ids.add(write.id());
            }
            bulk.execute();
            for (Document written : mongo.find(query(where("_id").in(ids)), Document.class, collection)) {
                cache.written(held.generation, written.getString(Facts.BASIN_ID), kind.getKey(), written);
            }
        }
        held.byKind.clear();
    }

    public boolean write(ReceivedEvent<?> event, Generation generation) {
        String basin = event.basin().value();
        Object p = event.payload();
        if (p instanceof BasinRegistered r) {
            upsert(generation, Facts.BASINS, basin, basin, of(basin).set("name", r.name()).set("region", r.region())
                    .setOnInsert("status", r.status()));
        } else if (p instanceof BasinStatusChanged s) {
            upsert(generation, Facts.BASINS, basin, basin, of(basin).set("name", s.name()).set("status", s.status()));
        } else if (p instanceof PartnershipConventionSigned c) {
            Document categories = new Document();
            int skillsDays = 0;
            for (PartnershipConventionSigned.Pledge pledge : c.pledges()) {
                Document category = (Document) categories.computeIfAbsent(pledge.resourceCategory(), k -> new Document());
                category.put(ConventionFact.CATEGORY_TOTAL, sum(category.get(ConventionFact.CATEGORY_TOTAL), pledge.total()));
                category.put(ConventionFact.CATEGORY_CASH, sum(category.get(ConventionFact.CATEGORY_CASH), pledge.cash()));
                skillsDays += pledge.skillsDays();
            }
            upsert(generation, Facts.CONVENTIONS, basin, key(basin, c.conventionId()), of(basin)
                    .set(ConventionFact.CONVENTION_ID, c.conventionId()).set(ConventionFact.STARTS_ON, day(c.startsOn()))
                    .set(ConventionFact.ENDS_ON, day(c.endsOn())).set(ConventionFact.CATEGORIES, categories)
                    .set(ConventionFact.SKILLS_DAYS_PLEDGED, skillsDays)
                    .set(ConventionFact.JOBS_PER_YEAR, c.objectives().jobsPerYear())
                    .set(ConventionFact.JOBS_OVER_CONVENTION, c.objectives().jobsOverConvention())
                    .set(ConventionFact.SESSIONS_PER_YEAR_MIN, c.objectives().sessionsPerYearMin())
                    .set(ConventionFact.SESSIONS_PER_YEAR_MAX, c.objectives().sessionsPerYearMax())
                    .set(ConventionFact.PROJECTS_EXAMINED_PER_YEAR, c.objectives().projectsExaminedPerYear())
                    .set(ConventionFact.PROJECTS_APPROVED_PER_YEAR, c.objectives().projectsApprovedPerYear()));
        } else if (p instanceof NetworkMeetingHeld m) {
            upsert(generation, Facts.MEETINGS, basin, key(basin, m.meetingId()), of(basin).set(MeetingFact.KIND, m.kind())
                    .set(MeetingFact.HELD_ON, day(m.heldOn())).set(MeetingFact.OPERATOR_PRESENT, m.operatorPresent())
                    .set(MeetingFact.PRESIDENT_PRESENT, m.presidentPresent()));
        } else if (p instanceof ProjectSubmitted s) {
            upsert(generation, Facts.PROJECTS, basin, key(basin, s.projectId()), project(basin, s.projectId())
                    .set(ProjectFact.REFERENCE, s.reference()).set(ProjectFact.SUBMITTED_ON, day(submittedOn(s)))
                    .set(ProjectFact.FORECAST_JOBS, s.forecastJobs()).setOnInsert(ProjectFact.STATUS, "SUBMITTED"));
        } else if (p instanceof ProjectStatusChanged s) {
            Update update = project(basin, s.projectId()).set(ProjectFact.STATUS, s.status());
            if ("SUBMITTED".equals(s.previousStatus())) {
                update.set(ProjectFact.DIAGNOSIS_STARTED_ON, day(s.changedOn()));
            }
            upsertIfNewer(generation, Facts.PROJECTS, basin, key(basin, s.projectId()), ProjectFact.STATUS_SEQUENCE,
                    event.sequence(), update);
        } else if (p instanceof ProjectDecided d) {
            Update update = project(basin, d.projectId()).set(ProjectFact.FORECAST_JOBS, d.forecastJobs())
                    .set(ProjectFact.DECISIONS + "." + d.sessionId(), new Document(DecisionFact.DECIDED_ON, day(d.decidedOn()))
                            .append(DecisionFact.OUTCOME, d.outcome())
                            .append(DecisionFact.INTERVENTION, Boolean.TRUE.equals(d.newIntervention()))
                            .append(DecisionFact.MEANS, means(d.means())).append(DecisionFact.SKILLS_DAYS, d.means() == null ? 0
                                    : d.means().skillsMissions().stream().mapToInt(Means.SkillsMission::days).sum()));
            upsert(generation, Facts.PROJECTS, basin, key(basin, d.projectId()), update);
        } else if (p instanceof CooperationConventionSigned c) {
            upsert(generation, Facts.PROJECTS, basin, key(basin, c.projectId()), project(basin, c.projectId())
                    .set(ProjectFact.SIGNED_ON, day(c.signedOn())));
        } else if (p instanceof SkillsDelivered s) {
            upsert(generation, Facts.PROJECTS, basin, key(basin, s.projectId()), project(basin, s.projectId())
                    .set(ProjectFact.DELIVERIES + "." + event.id(), new Document(ProjectFact.Delivery.ON, day(s.deliveredOn()))
                            .append(ProjectFact.Delivery.DAYS, s.days()).append(ProjectFact.Delivery.VALUE, s.value())));
        } else if (p instanceof FollowUpReportFiled r) {
            upsert(generation, Facts.PROJECTS, basin, key(basin, r.projectId()), project(basin, r.projectId())
                    .set(ProjectFact.REPORTS + "." + r.reportId(), new Document(ProjectFact.Report.ON, day(r.reportedOn()))
                            .append(ProjectFact.Report.JOBS, r.jobsToDate().total())
                            .append(ProjectFact.Report.LASTING, lasting(r.jobsToDate()))));
        } else if (p instanceof CommitteeSessionHeld s) {
            upsert(generation, Facts.SESSIONS, basin, key(basin, s.sessionId()), of(basin).set(SessionFact.HELD_ON, day(s.heldOn()))
                    .set(SessionFact.AGENDA_SIZE, s.agendaSize()));
        } else if (p instanceof SessionDecisionsValidated v) {
            upsert(generation, Facts.SESSIONS, basin, key(basin, v.sessionId()), of(basin)
                    .set(SessionFact.VALIDATED_ON, day(v.validatedOn())));
        } else if (p instanceof AdvanceOpened a) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, a.advanceId()), of(basin).set(AdvanceFact.PROJECT_ID, a.projectId())
                    .set(AdvanceFact.GRANTED, a.amount())
                    .set(AdvanceFact.SCHEDULES + "." + AdvanceFact.OPENING_SCHEDULE, schedule(a.schedule())));
        } else if (p instanceof AdvanceRescheduled r) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, r.advanceId()), of(basin)
                    .set(AdvanceFact.SCHEDULES + "." + r.effectiveOn(), schedule(r.schedule())));
        } else if (p instanceof AdvanceDisbursed d) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, d.advanceId()), of(basin).set(AdvanceFact.PROJECT_ID, d.projectId())
                    .set(AdvanceFact.DISBURSEMENTS + "." + d.disbursementId(), movement(d.paidOn(), d.amount())));
            upsert(generation, Facts.PROJECTS, basin, key(basin, d.projectId()), project(basin, d.projectId())
                    .set(ProjectFact.DISBURSEMENTS + "." + d.disbursementId(), day(d.paidOn())));
        } else if (p instanceof RepaymentReceived r) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, r.advanceId()), of(basin)
                    .set(AdvanceFact.REPAYMENTS + "." + r.repaymentId(), movement(r.paidOn(), r.amount())));
        } else if (p instanceof RepaymentReversed r) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, r.advanceId()), of(basin)
                    .set(AdvanceFact.REVERSALS + "." + r.repaymentId(), movement(r.reversedOn(), r.amount())));
        } else if (p instanceof AdvanceWrittenOff w) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, w.advanceId()), of(basin)
                    .set(AdvanceFact.WRITE_OFFS + "." + w.writeOffId(), movement(w.writtenOffOn(), w.amount())));
        } else if (p instanceof LossRecovered l) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, l.advanceId()), of(basin)
                    .set(AdvanceFact.RECOVERIES + "." + l.recoveryId(), movement(l.receivedOn(), l.amount())));
        } else if (p instanceof ContributionReceived c) {
            money(generation, basin, c.contributionId(), MoneyFact.CONTRIBUTION, c.account(), c.resourceCategory(), c.amount(),
                    c.receivedOn());
        } else if (p instanceof ValuedContributionRecorded v) {
            money(generation, basin, v.contributionId(), MoneyFact.VALUED + v.kind(),
                    Boolean.TRUE.equals(v.forOperator()) ? MoneyFact.OPERATOR : null, v.resourceCategory(), v.value(), v.providedOn());
        } else if (p instanceof TransferRecorded t) {
            money(generation, basin, t.transferId(), MoneyFact.TRANSFER, t.toAccount(), t.fromAccount(), t.amount(), t.transferredOn());
        } else if (p instanceof OperatingExpenseRecorded e) {
            money(generation, basin, e.expenseId(), MoneyFact.EXPENSE, MoneyFact.OPERATING_ACCOUNT, e.category(), e.amount(), e.paidOn());
        } else if (p instanceof MovementReversed r) {
            // the reversal is a movement of its own date, the opposite of the one it undoes
            flush();
            Document original = mongo.findById(key(basin, r.movementId()), Document.class, generation.collection(Facts.MONEY));
            if (original == null) {
                throw new IllegalStateException("no money fact " + r.movementId() + " to reverse");
            }
            MoneyFact undone = MoneyFact.read(original);
            money(generation, basin, r.reversalId(), undone.kind(), undone.account(), undone.category(), r.amount().negate(),
                    r.reversedOn());
        } else {
            return false;
        }
        return true;
    }

    /** Every fact names its basin. */
    private static Update of(String basin) {
        return new Update().set(Facts.BASIN_ID, basin);
    }

    private static Update project(String basin, String projectId) {
        return of(basin).set(ProjectFact.PROJECT_ID, projectId);
    }

    private void money(Generation generation, String basin, String id, String kind, String account, String category,
            BigDecimal amount, LocalDate on) {
        upsert(generation, Facts.MONEY, basin, key(basin, id), of(basin).set(MoneyFact.KIND, kind).set(MoneyFact.ACCOUNT, account)
                .set(MoneyFact.CATEGORY, category).set(MoneyFact.AMOUNT, amount).set(MoneyFact.ON, day(on)));
    }

    /**
     * The earliest business date this thread has written for each basin since the basin's last refresh
     * ({@link LocalDate#MIN} when a fact carried no date: every year may have changed), so that the refresh
     * recomputes only the years from it on: a fact counts in its own year and in the positions after it.
     */
    private static final ThreadLocal<Map<String, LocalDate>> EARLIEST = ThreadLocal.withInitial(HashMap::new);

    /** The earliest date written for {@code basin} since the last call (null if nothing was), forgotten once read. */
    static LocalDate takeEarliestWritten(String basin) {
        return EARLIEST.get().remove(basin);
    }

    private static void touched(String basin, Update update) {
        LocalDate earliest = earliestDay(update.getUpdateObject(), null);
        EARLIEST.get().merge(basin, earliest == null ? LocalDate.MIN : earliest, (a, b) -> a.isBefore(b) ? a : b);
    }

    /** The fields that hold a business date, wherever they sit in a fact. */
    private static final java.util.Set<String> DATE_FIELDS = java.util.Set.of(MoneyFact.ON, SessionFact.HELD_ON,
            ProjectFact.SUBMITTED_ON, ProjectFact.SIGNED_ON, DecisionFact.DECIDED_ON, SessionFact.VALIDATED_ON,
            ConventionFact.STARTS_ON, ConventionFact.ENDS_ON, AdvanceFact.Instalment.DUE_ON, ProjectFact.DIAGNOSIS_STARTED_ON);

    /**
     * The earliest business date an update writes: the date fields' values, a project's disbursement days, and
     * the effective day a schedule is filed under. Nothing else is read as a date (an id may look like one).
     */
    private static LocalDate earliestDay(Object value, LocalDate earliest) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String field = key.substring(key.lastIndexOf('.') + 1);
                if (key.startsWith(AdvanceFact.SCHEDULES + ".")) {
                    earliest = earlier(earliest, key.substring(AdvanceFact.SCHEDULES.length() + 1));
                }
                if (entry.getValue() instanceof String text && (DATE_FIELDS.contains(field)
                        || key.startsWith(ProjectFact.DISBURSEMENTS + "."))) {
                    earliest = earlier(earliest, text);
                } else {
                    earliest = earliestDay(entry.getValue(), earliest);
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                earliest = earliestDay(item, earliest);
            }
        }
        return earliest;
    }

    private static LocalDate earlier(LocalDate earliest, String text) {
        try {
            LocalDate found = LocalDate.parse(text);
            return earliest == null || found.isBefore(earliest) ? found : earliest;
        } catch (java.time.DateTimeException notADay) {
            return earliest;
        }
    }

    /**
     * Writes a fact and hands it, as stored, to the cache of recently refreshed basins: one round trip; within
     * {@link #batched}, holds it for the batch's bulk write.
     */
    private void upsert(Generation generation, String kind, String basin, String id, Update update) {
        touched(basin, update);
        if (hold(generation, kind, new HeldWrite(id, query(where("_id").is(id)), update, true))) {
            return;
        }
        Document written = mongo.findAndModify(query(where("_id").is(id)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, generation.collection(kind));
        cache.written(generation, basin, kind, written);
    }

    /**
     * A status change applies only if it is later in the aggregate's life than the one already recorded: the fact is
     * made to exist (its ids), then updated where its recorded sequence is older, without reading it first — so a
     * replay's batch holds both writes like any other.
     */
    private void upsertIfNewer(Generation generation, String kind, String basin, String id, String field, long sequence,
            Update update) {
        Update ids = new Update();
        update.getUpdateObject().get("$set", Document.class).forEach((name, value) -> {
            if (name.equals(Facts.BASIN_ID) || name.equals(ProjectFact.PROJECT_ID)) {
                ids.set(name, value);
            }
        });
        Query older = query(where("_id").is(id).orOperator(where(field).exists(false), where(field).lt(sequence)));
        touched(basin, update);
        if (hold(generation, kind, new HeldWrite(id, query(where("_id").is(id)), ids, true))) {
            hold(generation, kind, new HeldWrite(id, older, update.set(field, sequence), false));
            return;
        }
        Document made = mongo.findAndModify(query(where("_id").is(id)), ids,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, generation.collection(kind));
        Document changed = mongo.findAndModify(older, update.set(field, sequence), FindAndModifyOptions.options().returnNew(true),
                Document.class, generation.collection(kind));
        cache.written(generation, basin, kind, changed != null ? changed : made);
    }

    /** Holds {@code write} for the batch open on this thread, if there is one for {@code generation}. */
    private boolean hold(Generation generation, String kind, HeldWrite write) {
        Pending held = pending.get();
        if (held == null || !held.generation.equals(generation)) {
            return false;
        }
        held.byKind.computeIfAbsent(kind, k -> new java.util.ArrayList<>()).add(write);
        return true;
    }

    private static String key(String basin, String id) {
        return Facts.key(basin, id);
    }

    /**
     * The business date of a submission. An event published before the date travelled with it has only its
     * recording instant, read in the programme's zone (a submission recorded at 23:30 in Paris on 31 December
     * belongs to that year, not the next).
     */
    static LocalDate submittedOn(ProjectSubmitted s) {
        return s.submittedOn() != null ? s.submittedOn() : s.submittedAt().atZone(BasinCalendar.ZONE).toLocalDate();
    }

    private static Document movement(LocalDate on, BigDecimal amount) {
        return new Document(AdvanceFact.Movement.ON, day(on)).append(AdvanceFact.Movement.AMOUNT, amount);
    }

    /** Dates are kept as ISO strings: they sort as dates and read back without any time zone. */
    private static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static List<Document> schedule(List<AdvanceOpened.Instalment> schedule) {
        return schedule.stream().map(i -> new Document(AdvanceFact.Instalment.DUE_ON, day(i.dueOn()))
                .append(AdvanceFact.Instalment.AMOUNT, i.amount())).toList();
    }

    private static Document means(Means means) {
        if (means == null) {
            return null;
        }
        return new Document(MeansFact.SKILLS, means.skillsMissions().stream().map(Means.SkillsMission::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .append(MeansFact.IN_KIND, means.inKind().stream().map(Means.InKind::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                .append(MeansFact.ADVANCE, means.advance() == null ? BigDecimal.ZERO : means.advance().amount())
                .append(MeansFact.LOAN, means.subsidisedLoan() == null ? BigDecimal.ZERO : means.subsidisedLoan().amount())
                .append(MeansFact.DIRECT, means.directFinancing() == null ? BigDecimal.ZERO : means.directFinancing().amount());
    }

    private static BigDecimal sum(Object current, BigDecimal add) {
        return current == null ? add : ((BigDecimal) current).add(add);
    }


    /**
     * « Emplois durables »: CDI and CDD of six months or more. A report filed before contracts were split
     * by duration counted every CDD as one kind: its CDI and CDD are taken as lasting, as the programme did then.
     */
    static int lasting(FollowUpReportFiled.Jobs jobs) {
        return jobs.lasting() > 0 || jobs.fixedTermShort() > 0 ? jobs.lasting() : jobs.permanent() + jobs.fixedTerm();
    }
}
