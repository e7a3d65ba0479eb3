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
import org.alize.reporting.indicator.Facts;
import org.alize.reporting.indicator.Generation;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    public boolean write(ReceivedEvent<?> event, Generation generation) {
        String basin = event.basin().value();
        Object p = event.payload();
        if (p instanceof BasinRegistered r) {
            upsert(generation, Facts.BASINS, basin, basin, new Update().set("basinId", basin).set("name", r.name()).set("region", r.region())
                    .setOnInsert("status", r.status()));
        } else if (p instanceof BasinStatusChanged s) {
            upsert(generation, Facts.BASINS, basin, basin, new Update().set("basinId", basin).set("name", s.name()).set("status", s.status()));
        } else if (p instanceof PartnershipConventionSigned c) {
            Document categories = new Document();
            int skillsDays = 0;
            for (PartnershipConventionSigned.Pledge pledge : c.pledges()) {
                Document category = (Document) categories.computeIfAbsent(pledge.resourceCategory(), k -> new Document());
                category.put("total", sum(category.get("total"), pledge.total()));
                category.put("cash", sum(category.get("cash"), pledge.cash()));
                skillsDays += pledge.skillsDays();
            }
            upsert(generation, Facts.CONVENTIONS, basin, key(basin, c.conventionId()), new Update().set("basinId", basin)
                    .set("conventionId", c.conventionId()).set("startsOn", day(c.startsOn())).set("endsOn", day(c.endsOn()))
                    .set("categories", categories).set("skillsDaysPledged", skillsDays)
                    .set("jobsPerYear", c.objectives().jobsPerYear()).set("jobsOverConvention", c.objectives().jobsOverConvention())
                    .set("sessionsPerYearMin", c.objectives().sessionsPerYearMin())
                    .set("sessionsPerYearMax", c.objectives().sessionsPerYearMax())
                    .set("projectsExaminedPerYear", c.objectives().projectsExaminedPerYear())
                    .set("projectsApprovedPerYear", c.objectives().projectsApprovedPerYear()));
        } else if (p instanceof NetworkMeetingHeld m) {
            upsert(generation, Facts.MEETINGS, basin, key(basin, m.meetingId()), new Update().set("basinId", basin).set("kind", m.kind())
                    .set("heldOn", day(m.heldOn())).set("operatorPresent", m.operatorPresent())
                    .set("presidentPresent", m.presidentPresent()));
        } else if (p instanceof ProjectSubmitted s) {
            upsert(generation, Facts.PROJECTS, basin, key(basin, s.projectId()), new Update().set("basinId", basin).set("projectId", s.projectId())
                    .set("reference", s.reference()).set("submittedOn", day(submittedOn(s)))
                    .set("forecastJobs", s.forecastJobs()).setOnInsert("status", "SUBMITTED"));
        } else if (p instanceof ProjectStatusChanged s) {
            Update update = new Update().set("basinId", basin).set("projectId", s.projectId()).set("status", s.status());
            if ("SUBMITTED".equals(s.previousStatus())) {
                update.set("diagnosisStartedOn", day(s.changedOn()));
            }
            upsertIfNewer(generation, Facts.PROJECTS, basin, key(basin, s.projectId()), "statusSequence", event.sequence(), update);
        } else if (p instanceof ProjectDecided d) {
            Update update = new Update().set("basinId", basin).set("projectId", d.projectId())
                    .set("forecastJobs", d.forecastJobs())
                    .set("decisions." + d.sessionId(), new Document("decidedOn", day(d.decidedOn())).append("outcome", d.outcome())
                            .append("intervention", Boolean.TRUE.equals(d.newIntervention()))
                            .append("means", means(d.means())).append("skillsDays", d.means() == null ? 0
                                    : d.means().skillsMissions().stream().mapToInt(Means.SkillsMission::days).sum()));
            upsert(generation, Facts.PROJECTS, basin, key(basin, d.projectId()), update);
        } else if (p instanceof CooperationConventionSigned c) {
            upsert(generation, Facts.PROJECTS, basin, key(basin, c.projectId()), new Update().set("basinId", basin).set("projectId", c.projectId())
                    .set("signedOn", day(c.signedOn())));
        } else if (p instanceof SkillsDelivered s) {
            upsert(generation, Facts.PROJECTS, basin, key(basin, s.projectId()), new Update().set("basinId", basin).set("projectId", s.projectId())
                    .set("deliveries." + event.id(), new Document("on", day(s.deliveredOn())).append("days", s.days())
                            .append("value", s.value())));
        } else if (p instanceof FollowUpReportFiled r) {
            upsert(generation, Facts.PROJECTS, basin, key(basin, r.projectId()), new Update().set("basinId", basin).set("projectId", r.projectId())
                    .set("reports." + r.reportId(), new Document("on", day(r.reportedOn())).append("jobs", r.jobsToDate().total())
                            .append("lasting", lasting(r.jobsToDate()))));
        } else if (p instanceof CommitteeSessionHeld s) {
            upsert(generation, Facts.SESSIONS, basin, key(basin, s.sessionId()), new Update().set("basinId", basin).set("heldOn", day(s.heldOn()))
                    .set("agendaSize", s.agendaSize()));
        } else if (p instanceof SessionDecisionsValidated v) {
            upsert(generation, Facts.SESSIONS, basin, key(basin, v.sessionId()), new Update().set("basinId", basin).set("validatedOn", day(v.validatedOn())));
        } else if (p instanceof AdvanceOpened a) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, a.advanceId()), new Update().set("basinId", basin).set("projectId", a.projectId())
                    .set("granted", a.amount()).set("schedules.0000-opened", schedule(a.schedule())));
        } else if (p instanceof AdvanceRescheduled r) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, r.advanceId()), new Update().set("basinId", basin).set("schedules." + r.effectiveOn(),
                    schedule(r.schedule())));
        } else if (p instanceof AdvanceDisbursed d) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, d.advanceId()), new Update().set("basinId", basin).set("projectId", d.projectId())
                    .set("disbursements." + d.disbursementId(), movement(d.paidOn(), d.amount())));
            upsert(generation, Facts.PROJECTS, basin, key(basin, d.projectId()), new Update().set("basinId", basin).set("projectId", d.projectId())
                    .set("disbursements." + d.disbursementId(), day(d.paidOn())));
        } else if (p instanceof RepaymentReceived r) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, r.advanceId()), new Update().set("basinId", basin)
                    .set("repayments." + r.repaymentId(), movement(r.paidOn(), r.amount())));
        } else if (p instanceof RepaymentReversed r) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, r.advanceId()), new Update().set("basinId", basin)
                    .set("reversals." + r.repaymentId(), movement(r.reversedOn(), r.amount())));
        } else if (p instanceof AdvanceWrittenOff w) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, w.advanceId()), new Update().set("basinId", basin)
                    .set("writeOffs." + w.writeOffId(), movement(w.writtenOffOn(), w.amount())));
        } else if (p instanceof LossRecovered l) {
            upsert(generation, Facts.ADVANCES, basin, key(basin, l.advanceId()), new Update().set("basinId", basin)
                    .set("recoveries." + l.recoveryId(), movement(l.receivedOn(), l.amount())));
        } else if (p instanceof ContributionReceived c) {
            money(generation, basin, c.contributionId(), "CONTRIBUTION", c.account(), c.resourceCategory(), c.amount(), c.receivedOn());
        } else if (p instanceof ValuedContributionRecorded v) {
            money(generation, basin, v.contributionId(), "VALUED_" + v.kind(), Boolean.TRUE.equals(v.forOperator()) ? "OPERATOR" : null,
                    v.resourceCategory(), v.value(), v.providedOn());
        } else if (p instanceof TransferRecorded t) {
            money(generation, basin, t.transferId(), "TRANSFER", t.toAccount(), t.fromAccount(), t.amount(), t.transferredOn());
        } else if (p instanceof OperatingExpenseRecorded e) {
            money(generation, basin, e.expenseId(), "EXPENSE", "OPERATING_ACCOUNT", e.category(), e.amount(), e.paidOn());
        } else if (p instanceof MovementReversed r) {
            // the reversal is a movement of its own date, the opposite of the one it undoes
            Document original = mongo.findById(key(basin, r.movementId()), Document.class, generation.collection(Facts.MONEY));
            if (original == null) {
                throw new IllegalStateException("no money fact " + r.movementId() + " to reverse");
            }
            money(generation, basin, r.reversalId(), original.getString("kind"), original.getString("account"),
                    original.getString("category"), r.amount().negate(), r.reversedOn());
        } else {
            return false;
        }
        return true;
    }

    private void money(Generation generation, String basin, String id, String kind, String account, String category, BigDecimal amount, LocalDate on) {
        upsert(generation, Facts.MONEY, basin, key(basin, id), new Update().set("basinId", basin).set("kind", kind).set("account", account)
                .set("category", category).set("amount", amount).set("on", day(on)));
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
    private static final java.util.Set<String> DATE_FIELDS = java.util.Set.of("on", "heldOn", "submittedOn", "signedOn",
            "decidedOn", "validatedOn", "startsOn", "endsOn", "dueOn", "diagnosisStartedOn");

    /**
     * The earliest business date an update writes: the date fields' values, a project's disbursement days, and
     * the effective day a schedule is filed under. Nothing else is read as a date (an id may look like one).
     */
    private static LocalDate earliestDay(Object value, LocalDate earliest) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String field = key.substring(key.lastIndexOf('.') + 1);
                if (key.startsWith("schedules.")) {
                    earliest = earlier(earliest, key.substring("schedules.".length()));
                }
                if (entry.getValue() instanceof String text && (DATE_FIELDS.contains(field) || key.startsWith("disbursements."))) {
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

    /** Writes a fact and hands it, as stored, to the cache of recently refreshed basins: one round trip. */
    private void upsert(Generation generation, String kind, String basin, String id, Update update) {
        touched(basin, update);
        Document written = mongo.findAndModify(query(where("_id").is(id)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, generation.collection(kind));
        cache.written(generation, basin, kind, written);
    }

    /** A status change applies only if it is later in the aggregate's life than the one already recorded. */
    private void upsertIfNewer(Generation generation, String kind, String basin, String id, String field, long sequence,
            Update update) {
        Document current = mongo.findById(id, Document.class, generation.collection(kind));
        Number recorded = current == null ? null : (Number) current.get(field);
        if (recorded == null || recorded.longValue() < sequence) {
            upsert(generation, kind, basin, id, update.set(field, sequence));
        }
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
        return new Document("on", day(on)).append("amount", amount);
    }

    /** Dates are kept as ISO strings: they sort as dates and read back without any time zone. */
    private static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static List<Document> schedule(List<AdvanceOpened.Instalment> schedule) {
        return schedule.stream().map(i -> new Document("dueOn", day(i.dueOn())).append("amount", i.amount())).toList();
    }

    private static Document means(Means means) {
        if (means == null) {
            return null;
        }
        return new Document("skills", means.skillsMissions().stream().map(Means.SkillsMission::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .append("inKind", means.inKind().stream().map(Means.InKind::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                .append("advance", means.advance() == null ? BigDecimal.ZERO : means.advance().amount())
                .append("loan", means.subsidisedLoan() == null ? BigDecimal.ZERO : means.subsidisedLoan().amount())
                .append("direct", means.directFinancing() == null ? BigDecimal.ZERO : means.directFinancing().amount());
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
