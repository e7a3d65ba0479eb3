package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.Reading.amount;
import static org.alize.reporting.indicator.Reading.day;
import static org.alize.reporting.indicator.Reading.integer;
import static org.alize.reporting.indicator.Reading.list;
import static org.alize.reporting.indicator.Reading.map;
import static org.alize.reporting.indicator.Reading.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.bson.Document;

/** Computes a basin's indicators for a year from its facts; no Spring, no database. */
public final class IndicatorCalculator {

    static final Map<String, BigDecimal> REFERENCE_SHARES = Map.of("COMPANIES", new BigDecimal("40.0"),
            "TERRITORIAL_ACTORS", new BigDecimal("20.0"), "LOCAL_AUTHORITIES", new BigDecimal("25.0"),
            "STATE_AND_CDC", new BigDecimal("15.0"));
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private IndicatorCalculator() {
    }

    /**
     * The years the basin's facts speak of: every year that holds the business date of a fact, so that history
     * entered after the fact (a repayment, a reversal, a write-off or a recovery of a past year) has that year's
     * indicators.
     */
    public static TreeSet<Integer> years(BasinFacts facts, LocalDate today) {
        TreeSet<Integer> years = new TreeSet<>();
        years.add(today.getYear());
        for (Document p : facts.projects()) {
            add(years, day(p.get("submittedOn")));
            add(years, day(p.get("signedOn")));
            map(p, "decisions").values().forEach(d -> add(years, day(((Document) d).get("decidedOn"))));
            map(p, "deliveries").values().forEach(d -> add(years, day(((Document) d).get("on"))));
            map(p, "reports").values().forEach(r -> add(years, day(((Document) r).get("on"))));
        }
        facts.sessions().forEach(s -> add(years, day(s.get("heldOn"))));
        facts.meetings().forEach(m -> add(years, day(m.get("heldOn"))));
        facts.money().forEach(m -> add(years, day(m.get("on"))));
        for (Document a : facts.advances()) {
            for (String movements : List.of("disbursements", "repayments", "reversals", "writeOffs", "recoveries")) {
                map(a, movements).values().forEach(m -> add(years, day(((Document) m).get("on"))));
            }
        }
        return years;
    }

    private static void add(TreeSet<Integer> years, LocalDate date) {
        if (date != null) {
            years.add(date.getYear());
        }
    }

    public static YearIndicators compute(BasinFacts facts, int year, LocalDate today, Instant asOf, long eventsApplied) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate cut = end.isAfter(today) ? today : end;
        return new YearIndicators(facts.basinId() + "/" + year, facts.basinId(), year, activity(facts, year, today),
                jobs(facts, year), skills(facts, year), means(facts, year), resources(facts, year), spending(facts, year),
                fund(facts, year, cut), processingTimes(facts, year), network(facts, year), asOf, eventsApplied);
    }

    private static YearIndicators.Activity activity(BasinFacts facts, int year, LocalDate today) {
        int held = (int) facts.sessions().stream().filter(s -> within(day(s.get("heldOn")), year)).count();
        int validated = (int) facts.sessions().stream().filter(s -> within(day(s.get("heldOn")), year)
                && s.get("validatedOn") != null).count();
        int submitted = (int) facts.projects().stream().filter(p -> within(day(p.get("submittedOn")), year)).count();
        int examined = 0;
        int approved = 0;
        int rejected = 0;
        int postponed = 0;
        for (Document project : facts.projects()) {
            List<String> outcomes = decisionsIn(project, year).stream().map(d -> d.getString("outcome")).toList();
            if (!outcomes.isEmpty()) {
                examined++;
                approved += outcomes.contains("APPROVED") ? 1 : 0;
                rejected += outcomes.contains("REJECTED") ? 1 : 0;
                postponed += outcomes.contains("POSTPONED") ? 1 : 0;
            }
        }
        int overdue = year == today.getYear() ? (int) facts.projects().stream().filter(p -> reportOverdue(p, today)).count() : 0;
        return new YearIndicators.Activity(held, validated, 6, 10, submitted, examined, 15, approved, 12, rejected, postponed,
                overdue);
    }

    private static boolean reportOverdue(Document project, LocalDate today) {
        String status = project.getString("status");
        LocalDate signed = day(project.get("signedOn"));
        if (signed == null || !("CONVENTION_SIGNED".equals(status) || "IN_FOLLOW_UP".equals(status))) {
            return false;
        }
        LocalDate last = map(project, "reports").values().stream().map(r -> day(((Document) r).get("on")))
                .max(Comparator.naturalOrder()).orElse(signed);
        return today.isAfter(last.plusMonths(6));
    }

    private static List<Document> decisionsIn(Document project, int year) {
        return map(project, "decisions").values().stream().map(d -> (Document) d)
                .filter(d -> within(day(d.get("decidedOn")), year)).toList();
    }

    private static YearIndicators.Jobs jobs(BasinFacts facts, int year) {
        int forecast = facts.projects().stream().filter(p -> decisionsIn(p, year).stream()
                .anyMatch(d -> "APPROVED".equals(d.getString("outcome")))).mapToInt(p -> integer(p.get("forecastJobs"))).sum();
        int lasting = 0;
        int all = 0;
        for (Document project : facts.projects()) {
            lasting += jobsAt(project, LocalDate.of(year, 12, 31), LASTING) - jobsAt(project, LocalDate.of(year - 1, 12, 31), LASTING);
            all += jobsAt(project, LocalDate.of(year, 12, 31), ALL) - jobsAt(project, LocalDate.of(year - 1, 12, 31), ALL);
        }
        int reference = conventionCovering(facts, year).map(c -> integer(c.get("jobsPerYear"))).filter(j -> j > 0).orElse(75);
        return new YearIndicators.Jobs(forecast, lasting, reference, all);
    }

    /** Every job of a report, or only the lasting ones (R-25; a fact stored before the split has only its total). */
    private static final String ALL = "jobs";
    private static final String LASTING = "lasting";

    private static int jobsAt(Document project, LocalDate date, String kind) {
        return map(project, "reports").values().stream().map(r -> (Document) r)
                .filter(r -> !day(r.get("on")).isAfter(date)).max(Comparator.comparing(r -> day(r.get("on"))))
                .map(r -> integer(r.get(r.containsKey(kind) ? kind : ALL))).orElse(0);
    }

    private static YearIndicators.Skills skills(BasinFacts facts, int year) {
        int pledged = conventionCovering(facts, year).map(c -> integer(c.get("skillsDaysPledged")) / 3).orElse(0);
        int contracted = facts.projects().stream().flatMap(p -> decisionsIn(p, year).stream())
                .filter(d -> "APPROVED".equals(d.getString("outcome"))).mapToInt(d -> integer(d.get("skillsDays"))).sum();
        int delivered = 0;
        BigDecimal value = BigDecimal.ZERO;
        for (Document project : facts.projects()) {
            for (Object d : map(project, "deliveries").values()) {
                Document delivery = (Document) d;
                if (within(day(delivery.get("on")), year)) {
                    delivered += integer(delivery.get("days"));
                    value = value.add(amount(delivery.get("value")));
                }
            }
        }
        return new YearIndicators.Skills(pledged, contracted, delivered, money(value));
    }

    private static YearIndicators.Means means(BasinFacts facts, int year) {
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        String[] kinds = {"skills", "inKind", "advance", "loan", "direct"};
        facts.projects().stream().flatMap(p -> decisionsIn(p, year).stream())
                .filter(d -> "APPROVED".equals(d.getString("outcome")) && d.get("means") != null).forEach(d -> {
                    Document means = (Document) d.get("means");
                    for (int i = 0; i < kinds.length; i++) {
                        sums[i] = sums[i].add(amount(means.get(kinds[i])));
                    }
                });
        return new YearIndicators.Means(money(sums[0]), money(sums[1]), money(sums[2]), money(sums[3]), money(sums[4]));
    }

    private static YearIndicators.Resources resources(BasinFacts facts, int year) {
        Optional<Document> convention = conventionCovering(facts, year);
        Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        List.of("COMPANIES", "TERRITORIAL_ACTORS", "LOCAL_AUTHORITIES", "STATE_AND_CDC").forEach(c -> byCategory.put(c, BigDecimal.ZERO));
        convention.ifPresent(c -> map(c, "categories").forEach((category, totals) ->
                byCategory.put(category, money(amount(((Document) totals).get("total"))))));
        BigDecimal total = byCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        byCategory.forEach((category, amount) -> shares.put(category, total.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                : amount.multiply(HUNDRED).divide(total, 1, RoundingMode.HALF_UP)));
        return new YearIndicators.Resources(convention.map(c -> c.getString("conventionId")).orElse(null), byCategory, shares,
                REFERENCE_SHARES, money(total), new BigDecimal("900000.00"));
    }

    private static Optional<Document> conventionCovering(BasinFacts facts, int year) {
        LocalDate mid = LocalDate.of(year, 7, 1);
        return facts.conventions().stream().filter(c -> !day(c.get("startsOn")).isAfter(mid) && !day(c.get("endsOn")).isBefore(mid))
                .findFirst();
    }

    private static YearIndicators.Spending spending(BasinFacts facts, int year) {
        BigDecimal engineering = BigDecimal.ZERO;
        BigDecimal reimbursement = BigDecimal.ZERO;
        for (Document m : facts.money()) {
            if ("EXPENSE".equals(m.getString("kind")) && within(day(m.get("on")), year)) {
                if ("LOCAL_ENGINEERING".equals(m.getString("category"))) {
                    engineering = engineering.add(amount(m.get("amount")));
                } else if ("OPERATOR_REIMBURSEMENT".equals(m.getString("category"))) {
                    reimbursement = reimbursement.add(amount(m.get("amount")));
                }
            }
        }
        YearIndicators.Means granted = means(facts, year);
        BigDecimal support = granted.advances().add(granted.directFinancing()).add(granted.inKind())
                .add(skills(facts, year).valueDelivered());
        return new YearIndicators.Spending(money(support), new BigDecimal("210000.00"), money(engineering),
                new BigDecimal("90000.00"), money(reimbursement), new BigDecimal("10000.00"));
    }

    private static YearIndicators.Fund fund(BasinFacts facts, int year, LocalDate cut) {
        BigDecimal lent = BigDecimal.ZERO;
        BigDecimal repaid = BigDecimal.ZERO;
        BigDecimal written = BigDecimal.ZERO;
        BigDecimal recovered = BigDecimal.ZERO;
        BigDecimal lentToDate = BigDecimal.ZERO;
        BigDecimal writtenToDate = BigDecimal.ZERO;
        BigDecimal recoveredToDate = BigDecimal.ZERO;
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal arrears = BigDecimal.ZERO;
        int inArrears = 0;
        BigDecimal balance = BigDecimal.ZERO;
        for (Document advance : facts.advances()) {
            BigDecimal aLent = sumUpTo(map(advance, "disbursements"), cut);
            BigDecimal aRepaid = sumUpTo(map(advance, "repayments"), cut).subtract(sumUpTo(map(advance, "reversals"), cut));
            BigDecimal aWritten = sumUpTo(map(advance, "writeOffs"), cut);
            BigDecimal aRecovered = sumUpTo(map(advance, "recoveries"), cut);
            lent = lent.add(sumIn(map(advance, "disbursements"), year));
            repaid = repaid.add(sumIn(map(advance, "repayments"), year)).subtract(sumIn(map(advance, "reversals"), year));
            written = written.add(sumIn(map(advance, "writeOffs"), year));
            recovered = recovered.add(sumIn(map(advance, "recoveries"), year));
            lentToDate = lentToDate.add(aLent);
            writtenToDate = writtenToDate.add(aWritten);
            recoveredToDate = recoveredToDate.add(aRecovered);
            BigDecimal owed = aLent.subtract(aRepaid).subtract(aWritten);
            outstanding = outstanding.add(owed);
            BigDecimal due = dueBefore(advance, cut).subtract(aRepaid).subtract(aWritten);
            BigDecimal late = due.max(BigDecimal.ZERO).min(owed.max(BigDecimal.ZERO));
            if (late.signum() > 0) {
                arrears = arrears.add(late);
                inArrears++;
            }
            balance = balance.subtract(aLent).add(aRepaid).add(aRecovered);
        }
        for (Document m : facts.money()) {
            LocalDate on = day(m.get("on"));
            if (on == null || on.isAfter(cut)) {
                continue;
            }
            BigDecimal amount = amount(m.get("amount"));
            if ("CONTRIBUTION".equals(m.getString("kind")) && "ADVANCE_FUND".equals(m.getString("account"))) {
                balance = balance.add(amount);
            } else if ("TRANSFER".equals(m.getString("kind"))) {
                if ("ADVANCE_FUND".equals(m.getString("account"))) {
                    balance = balance.add(amount);
                } else if ("ADVANCE_FUND".equals(m.getString("category"))) {
                    balance = balance.subtract(amount);
                }
            }
        }
        // gross = written off / lent; net = (written off − recovered) / lent; both shown
        BigDecimal lossRate = lentToDate.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                : writtenToDate.multiply(HUNDRED).divide(lentToDate, 1, RoundingMode.HALF_UP);
        BigDecimal netLossRate = lentToDate.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                : writtenToDate.subtract(recoveredToDate).max(BigDecimal.ZERO).multiply(HUNDRED)
                        .divide(lentToDate, 1, RoundingMode.HALF_UP);
        // the fund's size is its cash plus the advances outstanding, weighed against the 400–500 k€ critical size
        return new YearIndicators.Fund(money(lent), money(repaid), money(written), money(recovered), money(outstanding),
                money(arrears), inArrears, lossRate, new BigDecimal("6.0"), money(balance), new BigDecimal("400000.00"),
                new BigDecimal("500000.00"), netLossRate, money(balance.add(outstanding)));
    }

    /** What the latest schedule made due before {@code date}. */
    private static BigDecimal dueBefore(Document advance, LocalDate date) {
        Map<String, Object> schedules = map(advance, "schedules");
        Optional<String> latest = schedules.keySet().stream().filter(k -> k.startsWith("0000") || !day(k).isAfter(date))
                .max(Comparator.naturalOrder());
        if (latest.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return list(schedules.get(latest.get())).stream().filter(i -> day(i.get("dueOn")).isBefore(date))
                .map(i -> amount(i.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sumUpTo(Map<String, Object> movements, LocalDate date) {
        return movements.values().stream().map(m -> (Document) m).filter(m -> !day(m.get("on")).isAfter(date))
                .map(m -> amount(m.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sumIn(Map<String, Object> movements, int year) {
        return movements.values().stream().map(m -> (Document) m).filter(m -> within(day(m.get("on")), year))
                .map(m -> amount(m.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static YearIndicators.ProcessingTimes processingTimes(BasinFacts facts, int year) {
        List<Integer> toDecision = new ArrayList<>();
        List<Integer> toSignature = new ArrayList<>();
        List<Integer> toDisbursement = new ArrayList<>();
        for (Document project : facts.projects()) {
            LocalDate submitted = day(project.get("submittedOn"));
            Optional<LocalDate> firstDecision = map(project, "decisions").values().stream()
                    .map(d -> day(((Document) d).get("decidedOn"))).min(Comparator.naturalOrder());
            Optional<LocalDate> approval = map(project, "decisions").values().stream().map(d -> (Document) d)
                    .filter(d -> "APPROVED".equals(d.getString("outcome"))).map(d -> day(d.get("decidedOn")))
                    .max(Comparator.naturalOrder());
            LocalDate signed = day(project.get("signedOn"));
            Optional<LocalDate> firstDisbursement = map(project, "disbursements").values().stream().map(Reading::day)
                    .min(Comparator.naturalOrder());
            if (submitted != null && firstDecision.filter(d -> d.getYear() == year).isPresent()) {
                addIfInOrder(toDecision, submitted, firstDecision.get());
            }
            if (signed != null && signed.getYear() == year && approval.isPresent()) {
                addIfInOrder(toSignature, approval.get(), signed);
            }
            if (signed != null && firstDisbursement.filter(d -> d.getYear() == year).isPresent()) {
                addIfInOrder(toDisbursement, signed, firstDisbursement.get());
            }
        }
        return new YearIndicators.ProcessingTimes(Percentiles.of(toDecision), Percentiles.of(toSignature),
                Percentiles.of(toDisbursement));
    }

    /**
     * A delay counts only if its steps are in order: a file recorded after its decision (entered a posteriori,
     * as when a basin moves its history onto the platform) says nothing about how long the basin took.
     */
    private static void addIfInOrder(List<Integer> delays, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days >= 0) {
            delays.add((int) days);
        }
    }

    private static YearIndicators.Network network(BasinFacts facts, int year) {
        int held = 0;
        int national = 0;
        int attended = 0;
        for (Document meeting : facts.meetings()) {
            if (within(day(meeting.get("heldOn")), year)) {
                if ("NATIONAL_EVENT".equals(meeting.getString("kind"))) {
                    national++;
                } else {
                    held++;
                }
                boolean present = Boolean.TRUE.equals(meeting.get("operatorPresent"))
                        || Boolean.TRUE.equals(meeting.get("presidentPresent"));
                if (present && !"NATIONAL_EVENT".equals(meeting.getString("kind"))) {
                    attended++;
                }
            }
        }
        return new YearIndicators.Network(held, 3, national, attended);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
