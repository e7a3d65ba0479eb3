package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.Reading.amount;
import static org.alize.reporting.indicator.Reading.day;
import static org.alize.reporting.indicator.Reading.integer;
import static org.alize.reporting.indicator.Reading.list;
import static org.alize.reporting.indicator.Reading.map;

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

import org.alize.kernel.LossRate;
import org.alize.kernel.ProgrammeReferences;
import org.bson.Document;

/** Computes a basin's indicators for a year from its facts; no Spring, no database. */
public final class IndicatorCalculator {

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

    /** A period the indicators are computed over, both days included: a calendar year or a convention's term. */
    public record Span(LocalDate from, LocalDate to) {

        public static Span year(int year) {
            return new Span(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }

        boolean contains(LocalDate date) {
            return date != null && !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** A basin's indicators for a calendar year, beside the annual references of the convention in force mid-year. */
    public static YearIndicators compute(BasinFacts facts, int year, LocalDate today, Instant asOf, long eventsApplied) {
        Span span = Span.year(year);
        return compute(facts, facts.basinId() + "/" + year, year, span, conventionCovering(facts, year), 3, today, asOf,
                eventsApplied);
    }

    /**
     * A basin's indicators over a partnership convention's term, from its start date to its end:
     * flows of those days only — a convention from 1 July counts nothing of the January before it nor of the July
     * after its end — and positions at its end, or today while it runs. References stay annual.
     */
    public static YearIndicators computeConvention(BasinFacts facts, Document convention, LocalDate today, Instant asOf,
            long eventsApplied) {
        Span span = new Span(day(convention.get("startsOn")), day(convention.get("endsOn")));
        return compute(facts, facts.basinId() + "/" + convention.getString("conventionId"), span.from().getYear(), span,
                Optional.of(convention), 1, today, asOf, eventsApplied);
    }

    /**
     * @param convention       the partnership convention whose resources and objectives stand beside the figures
     * @param yearsOfPledges   the share of the convention's three-year pledges a figure is set against: 3 for a
     *                         year (a third of them), 1 for the convention's whole term
     */
    private static YearIndicators compute(BasinFacts facts, String id, int year, Span span, Optional<Document> convention,
            int yearsOfPledges, LocalDate today, Instant asOf, long eventsApplied) {
        LocalDate cut = span.to().isAfter(today) ? today : span.to();
        return new YearIndicators(id, facts.basinId(), year, activity(facts, span, today, convention), jobs(facts, span, convention),
                skills(facts, span, convention, yearsOfPledges), means(facts, span), resources(convention),
                spending(facts, span), fund(facts, span, cut), processingTimes(facts, span), network(facts, span), asOf,
                eventsApplied);
    }

    private static YearIndicators.Activity activity(BasinFacts facts, Span span, LocalDate today, Optional<Document> convention) {
        int held = (int) facts.sessions().stream().filter(s -> span.contains(day(s.get("heldOn")))).count();
        int validated = (int) facts.sessions().stream().filter(s -> span.contains(day(s.get("heldOn")))
                && s.get("validatedOn") != null).count();
        int submitted = (int) facts.projects().stream().filter(p -> span.contains(day(p.get("submittedOn")))).count();
        int examined = 0;
        int approved = 0;
        int rejected = 0;
        int postponed = 0;
        for (Document project : facts.projects()) {
            // a new intervention on a project followed grants means; the project is not examined anew
            List<String> outcomes = decisionsIn(project, span).stream().filter(d -> !Boolean.TRUE.equals(d.get("intervention")))
                    .map(d -> d.getString("outcome")).toList();
            if (!outcomes.isEmpty()) {
                examined++;
                approved += outcomes.contains("APPROVED") ? 1 : 0;
                rejected += outcomes.contains("REJECTED") ? 1 : 0;
                postponed += outcomes.contains("POSTPONED") ? 1 : 0;
            }
        }
        int overdue = span.contains(today) ? (int) facts.projects().stream().filter(p -> reportOverdue(p, today)).count() : 0;
        // the programme's references (6–10 sessions, ~15 examined, ~12 approved a year), unless the convention in
        // force states its own objectives
        return new YearIndicators.Activity(held, validated, objective(convention, "sessionsPerYearMin", ProgrammeReferences.R41_SESSIONS_PER_YEAR_MIN),
                objective(convention, "sessionsPerYearMax", ProgrammeReferences.R41_SESSIONS_PER_YEAR_MAX), submitted, examined,
                objective(convention, "projectsExaminedPerYear",
                        ProgrammeReferences.R41_PROJECTS_EXAMINED_PER_YEAR), approved, objective(convention, "projectsApprovedPerYear",
                        ProgrammeReferences.R41_PROJECTS_APPROVED_PER_YEAR),
                rejected, postponed, overdue);
    }

    private static int objective(Optional<Document> convention, String field, int reference) {
        return convention.map(c -> integer(c.get(field))).filter(v -> v > 0).orElse(reference);
    }

    private static boolean reportOverdue(Document project, LocalDate today) {
        String status = project.getString("status");
        LocalDate signed = day(project.get("signedOn"));
        if (signed == null || !("CONVENTION_SIGNED".equals(status) || "IN_FOLLOW_UP".equals(status))) {
            return false;
        }
        LocalDate last = map(project, "reports").values().stream().map(r -> day(((Document) r).get("on")))
                .max(Comparator.naturalOrder()).orElse(signed);
        // a report is due every six months after the last one (or the signature)
        return today.isAfter(last.plusMonths(ProgrammeReferences.R25_REPORT_EVERY_MONTHS));
    }

    private static List<Document> decisionsIn(Document project, Span span) {
        return map(project, "decisions").values().stream().map(d -> (Document) d)
                .filter(d -> span.contains(day(d.get("decidedOn")))).toList();
    }

    private static YearIndicators.Jobs jobs(BasinFacts facts, Span span, Optional<Document> convention) {
        int forecast = facts.projects().stream().filter(p -> decisionsIn(p, span).stream()
                .anyMatch(d -> "APPROVED".equals(d.getString("outcome")) && !Boolean.TRUE.equals(d.get("intervention")))).mapToInt(p -> integer(p.get("forecastJobs"))).sum();
        int lasting = 0;
        int all = 0;
        for (Document project : facts.projects()) {
            lasting += jobsAt(project, span.to(), LASTING) - jobsAt(project, span.from().minusDays(1), LASTING);
            all += jobsAt(project, span.to(), ALL) - jobsAt(project, span.from().minusDays(1), ALL);
        }
        int reference = convention.map(c -> integer(c.get("jobsPerYear"))).filter(j -> j > 0)
                .orElse(ProgrammeReferences.R41_JOBS_PER_YEAR);
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

    private static YearIndicators.Skills skills(BasinFacts facts, Span span, Optional<Document> convention, int yearsOfPledges) {
        int pledged = convention.map(c -> integer(c.get("skillsDaysPledged")) / yearsOfPledges).orElse(0);
        int contracted = facts.projects().stream().flatMap(p -> decisionsIn(p, span).stream())
                .filter(d -> "APPROVED".equals(d.getString("outcome"))).mapToInt(d -> integer(d.get("skillsDays"))).sum();
        int delivered = 0;
        BigDecimal value = BigDecimal.ZERO;
        for (Document project : facts.projects()) {
            for (Object d : map(project, "deliveries").values()) {
                Document delivery = (Document) d;
                if (span.contains(day(delivery.get("on")))) {
                    delivered += integer(delivery.get("days"));
                    value = value.add(amount(delivery.get("value")));
                }
            }
        }
        return new YearIndicators.Skills(pledged, contracted, delivered, money(value));
    }

    private static YearIndicators.Means means(BasinFacts facts, Span span) {
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        String[] kinds = {"skills", "inKind", "advance", "loan", "direct"};
        facts.projects().stream().flatMap(p -> decisionsIn(p, span).stream())
                .filter(d -> "APPROVED".equals(d.getString("outcome")) && d.get("means") != null).forEach(d -> {
                    Document means = (Document) d.get("means");
                    for (int i = 0; i < kinds.length; i++) {
                        sums[i] = sums[i].add(amount(means.get(kinds[i])));
                    }
                });
        return new YearIndicators.Means(money(sums[0]), money(sums[1]), money(sums[2]), money(sums[3]), money(sums[4]));
    }

    private static YearIndicators.Resources resources(Optional<Document> convention) {
        Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        List.of("COMPANIES", "TERRITORIAL_ACTORS", "LOCAL_AUTHORITIES", "STATE_AND_CDC").forEach(c -> byCategory.put(c, BigDecimal.ZERO));
        convention.ifPresent(c -> map(c, "categories").forEach((category, totals) ->
                byCategory.put(category, money(amount(((Document) totals).get("total"))))));
        BigDecimal total = byCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        byCategory.forEach((category, amount) -> shares.put(category, total.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                : amount.multiply(HUNDRED).divide(total, 1, RoundingMode.HALF_UP)));
        return new YearIndicators.Resources(convention.map(c -> c.getString("conventionId")).orElse(null), byCategory, shares,
                ProgrammeReferences.R13_RESOURCE_SHARES, money(total), ProgrammeReferences.R13_CONVENTION_RESOURCES);
    }

    private static Optional<Document> conventionCovering(BasinFacts facts, int year) {
        LocalDate mid = LocalDate.of(year, 7, 1);
        return facts.conventions().stream().filter(c -> !day(c.get("startsOn")).isAfter(mid) && !day(c.get("endsOn")).isBefore(mid))
                .findFirst();
    }

    private static YearIndicators.Spending spending(BasinFacts facts, Span span) {
        BigDecimal engineering = BigDecimal.ZERO;
        BigDecimal reimbursement = BigDecimal.ZERO;
        for (Document m : facts.money()) {
            // skills or help in kind put at the operator's disposal are its defrayal, counted with its money
            if ("OPERATOR".equals(m.getString("account")) && m.getString("kind").startsWith("VALUED_")
                    && span.contains(day(m.get("on")))) {
                reimbursement = reimbursement.add(amount(m.get("amount")));
            }
            if ("EXPENSE".equals(m.getString("kind")) && span.contains(day(m.get("on")))) {
                if ("LOCAL_ENGINEERING".equals(m.getString("category"))) {
                    engineering = engineering.add(amount(m.get("amount")));
                } else if ("OPERATOR_REIMBURSEMENT".equals(m.getString("category"))) {
                    reimbursement = reimbursement.add(amount(m.get("amount")));
                }
            }
        }
        YearIndicators.Means granted = means(facts, span);
        BigDecimal support = granted.advances().add(granted.directFinancing()).add(granted.inKind())
                .add(skills(facts, span, Optional.empty(), 1).valueDelivered());
        return new YearIndicators.Spending(money(support), ProgrammeReferences.R14_PROJECT_SUPPORT_PER_YEAR, money(engineering),
                ProgrammeReferences.R14_LOCAL_ENGINEERING_PER_YEAR, money(reimbursement),
                ProgrammeReferences.R14_OPERATOR_REIMBURSEMENT_CAP_PER_YEAR);
    }

    private static YearIndicators.Fund fund(BasinFacts facts, Span span, LocalDate cut) {
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
            lent = lent.add(sumIn(map(advance, "disbursements"), span));
            repaid = repaid.add(sumIn(map(advance, "repayments"), span)).subtract(sumIn(map(advance, "reversals"), span));
            written = written.add(sumIn(map(advance, "writeOffs"), span));
            recovered = recovered.add(sumIn(map(advance, "recoveries"), span));
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
        LossRate lossRate = LossRate.of(lentToDate, writtenToDate, recoveredToDate);
        // the fund's size is its cash plus the advances outstanding, weighed against the 400–500 k€ critical size
        return new YearIndicators.Fund(money(lent), money(repaid), money(written), money(recovered), money(outstanding),
                money(arrears), inArrears, lossRate.grossPercent(), ProgrammeReferences.R30_LOSS_RATE_PERCENT, money(balance),
                ProgrammeReferences.R30_CRITICAL_FUND_MIN, ProgrammeReferences.R30_CRITICAL_FUND_MAX, lossRate.netPercent(), money(balance.add(outstanding)));
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

    private static BigDecimal sumIn(Map<String, Object> movements, Span span) {
        return movements.values().stream().map(m -> (Document) m).filter(m -> span.contains(day(m.get("on"))))
                .map(m -> amount(m.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static YearIndicators.ProcessingTimes processingTimes(BasinFacts facts, Span span) {
        List<Integer> toDecision = new ArrayList<>();
        List<Integer> toSignature = new ArrayList<>();
        List<Integer> toDisbursement = new ArrayList<>();
        for (Document project : facts.projects()) {
            LocalDate submitted = day(project.get("submittedOn"));
            Optional<LocalDate> firstDecision = map(project, "decisions").values().stream()
                    .map(d -> day(((Document) d).get("decidedOn"))).min(Comparator.naturalOrder());
            Optional<LocalDate> approval = map(project, "decisions").values().stream().map(d -> (Document) d)
                    .filter(d -> "APPROVED".equals(d.getString("outcome")) && !Boolean.TRUE.equals(d.get("intervention")))
                    .map(d -> day(d.get("decidedOn"))).max(Comparator.naturalOrder());
            LocalDate signed = day(project.get("signedOn"));
            Optional<LocalDate> firstDisbursement = map(project, "disbursements").values().stream().map(Reading::day)
                    .min(Comparator.naturalOrder());
            if (submitted != null && firstDecision.filter(span::contains).isPresent()) {
                addIfInOrder(toDecision, submitted, firstDecision.get());
            }
            if (span.contains(signed) && approval.isPresent()) {
                addIfInOrder(toSignature, approval.get(), signed);
            }
            if (signed != null && firstDisbursement.filter(span::contains).isPresent()) {
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

    private static YearIndicators.Network network(BasinFacts facts, Span span) {
        int held = 0;
        int national = 0;
        int attended = 0;
        for (Document meeting : facts.meetings()) {
            if (span.contains(day(meeting.get("heldOn")))) {
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
        return new YearIndicators.Network(held, ProgrammeReferences.R40_NETWORK_MEETINGS_PER_YEAR, national, attended);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
