package org.alize.finance.advance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.alize.finance.AsOf;
import org.alize.finance.FinanceProperties;
import org.alize.finance.account.BasinStanding;
import org.alize.finance.account.Contribution;
import org.alize.finance.account.Treasury;
import org.alize.kernel.BasinCalendar;
import org.alize.kernel.Money;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.web.Paged;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The advances of the basin in context. */
@Service
public class AdvanceService {

    private static final String SETTINGS = "finance_settings";

    private final AdvanceRepository advances;
    private final MongoTemplate mongo;
    private final FinanceProperties properties;
    private final Clock clock;
    private final BasinStanding standing;
    private final Treasury treasury;

    AdvanceService(AdvanceRepository advances, MongoTemplate mongo, FinanceProperties properties, Clock clock,
            BasinStanding standing, Treasury treasury) {
        this.treasury = treasury;
        this.advances = advances;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.standing = standing;
    }

    public Advance get(String id) {
        return advances.findById(id).orElseThrow(() ->
                new NotFound("advance.not-found", "Aucune avance « " + id + " » dans ce bassin."));
    }

    public List<Advance> all() {
        return advances.findAll(Sort.by("projectReference"));
    }

    /** One page of the basin's advances, by project reference: only that page is read. */
    public <T> Paged<T> page(int page, int size, Function<Advance, T> view) {
        return Paged.query(mongo, new Query().with(Sort.by("projectReference", "_id")), Advance.class, page, size, view);
    }

    public Advance disburse(String id, LocalDate on, BigDecimal amount, String by) {
        standing.requireOperating("un versement du fonds d'avances");
        LocalDate date = on == null ? today() : on;
        // the programme's own refusals (R-32…) come first; then, one outflow of the basin at a time, R-04 on the
        // advance as it stands once no other outflow can change the fund
        get(id).disburse(date, amount, today(), clock.instant(), by);
        return treasury.payOut(Contribution.Target.ADVANCE_FUND, amount, "un versement", () -> {
            Advance advance = get(id);
            advance.disburse(date, amount, today(), clock.instant(), by);
            return advances.save(advance);
        });
    }

    public Advance repay(String id, LocalDate on, BigDecimal amount, String by) {
        return treasury.receive(Contribution.Target.ADVANCE_FUND, amount,
                () -> change(id, a -> a.repay(on == null ? today() : on, amount, today(), clock.instant(), by)));
    }

    public Advance reverseRepayment(String id, String repaymentId, LocalDate on, String reason, String by) {
        // the fund has less than the treasury counted, and no refusal undoes a bounced cheque
        return treasury.takeBack(Contribution.Target.ADVANCE_FUND, () -> change(id, a -> a.reverseRepayment(repaymentId,
                on == null ? today() : on, reason, today(), clock.instant(), by)));
    }

    public Advance reschedule(String id, String approval, LocalDate effectiveOn, int duration, int grace, Frequency frequency,
            String by) {
        return change(id, a -> a.reschedule(approval, effectiveOn == null ? today() : effectiveOn, duration, grace, frequency,
                clock.instant(), by));
    }

    public Advance writeOff(String id, LocalDate on, BigDecimal amount, String reason, String committeeReference, String by) {
        return change(id, a -> a.writeOff(on == null ? today() : on, amount, reason, committeeReference, today(), clock.instant(), by));
    }

    public Advance recover(String id, LocalDate on, BigDecimal amount, String by) {
        return treasury.receive(Contribution.Target.ADVANCE_FUND, amount,
                () -> change(id, a -> a.recover(on == null ? today() : on, amount, today(), clock.instant(), by)));
    }

    /** The basin's ageing buckets, or the platform's default. */
    public AgeingBuckets buckets() {
        Document settings = mongo.findById("settings", Document.class, SETTINGS);
        if (settings != null && settings.getList("ageingBuckets", Integer.class) != null) {
            return new AgeingBuckets(settings.getList("ageingBuckets", Integer.class));
        }
        return new AgeingBuckets(properties.ageingBuckets());
    }

    public AgeingBuckets setBuckets(AgeingBuckets buckets) {
        mongo.save(new Document("_id", "settings").append("ageingBuckets", buckets.upperBounds()), SETTINGS);
        return buckets;
    }

    /**
     * Advances with instalments due and unpaid at the end of {@code asOf}, the latest first, and the totals per
     * bucket: the position at that date, read from the advances' dated movements.
     */
    public Arrears arrears(LocalDate asOf) {
        AgeingBuckets buckets = buckets();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        buckets.labels().forEach(label -> totals.put(label, Money.ZERO));
        List<Arrears.Line> lines = new ArrayList<>();
        for (Advance advance : all()) {
            AdvancePosition position = AdvancePosition.of(advance, asOf);
            if (position.daysPastDue() > 0) {
                String bucket = buckets.bucketOf(position.daysPastDue());
                totals.merge(bucket, position.amountInArrears(), BigDecimal::add);
                lines.add(new Arrears.Line(advance.id(), advance.projectReference(), advance.companyName(), position.daysPastDue(),
                        bucket, position.amountInArrears(), position.outstanding()));
            }
        }
        lines.sort((a, b) -> Integer.compare(b.daysPastDue(), a.daysPastDue()));
        return new Arrears(asOf, lines, totals);
    }

    /** The date a position is asked at: today when none is given, never in the future. */
    public LocalDate asOf(LocalDate requested) {
        return AsOf.resolve(requested, today());
    }

    /** What a set of terms would give, before the convention is signed. */
    public List<Instalment> simulate(BigDecimal amount, int duration, int grace, Frequency frequency, LocalDate start) {
        return Schedules.equal(Money.positive(amount, "amount"), duration, grace, frequency, start == null ? today() : start, 1);
    }

    public LocalDate today() {
        return BasinCalendar.today(clock);
    }

    private Advance change(String id, Consumer<Advance> action) {
        Advance advance = get(id);
        action.accept(advance);
        return advances.save(advance);
    }

    /** The arrears report. */
    public record Arrears(LocalDate on, List<Line> advances, Map<String, BigDecimal> byBucket) {

        public record Line(String advanceId, String projectReference, String companyName, int daysPastDue, String bucket,
                BigDecimal amountInArrears, BigDecimal outstanding) {
        }
    }
}
