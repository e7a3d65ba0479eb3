package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.Reading.amount;
import static org.alize.reporting.indicator.Reading.day;
import static org.alize.reporting.indicator.Reading.integer;
import static org.alize.reporting.indicator.Reading.map;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A project as the indicators see it ({@link Facts#PROJECTS}): its dates, forecast jobs, the committee's decisions,
 * skills delivered, the mandatary's reports and the days its advance was paid out. The field names are the stored
 * document's, which the intake writes.
 */
public record ProjectFact(@Nullable String projectId, @Nullable String status, @Nullable LocalDate submittedOn,
        @Nullable LocalDate signedOn, int forecastJobs,
        List<DecisionFact> decisions, List<Delivery> deliveries, List<Report> reports, List<LocalDate> disbursements) {

    public static final String PROJECT_ID = "projectId";
    public static final String REFERENCE = "reference";
    public static final String STATUS = "status";
    public static final String STATUS_SEQUENCE = "statusSequence";
    public static final String SUBMITTED_ON = "submittedOn";
    public static final String DIAGNOSIS_STARTED_ON = "diagnosisStartedOn";
    public static final String SIGNED_ON = "signedOn";
    public static final String FORECAST_JOBS = "forecastJobs";
    /** Keyed by session id. */
    public static final String DECISIONS = "decisions";
    /** Keyed by event id. */
    public static final String DELIVERIES = "deliveries";
    /** Keyed by report id. */
    public static final String REPORTS = "reports";
    /** Keyed by disbursement id, each a day. */
    public static final String DISBURSEMENTS = "disbursements";

    /** The statuses in which a report is expected every six months. */
    private static final List<String> FOLLOWED = List.of("CONVENTION_SIGNED", "IN_FOLLOW_UP");

    public ProjectFact {
        decisions = List.copyOf(decisions);
        deliveries = List.copyOf(deliveries);
        reports = List.copyOf(reports);
        disbursements = List.copyOf(disbursements);
    }

    /** A decision of the committee on the project, or on a new intervention once it is followed. */
    public record DecisionFact(@Nullable LocalDate decidedOn, @Nullable String outcome, boolean intervention,
            @Nullable MeansFact means, int skillsDays) {

        public static final String DECIDED_ON = "decidedOn";
        public static final String OUTCOME = "outcome";
        public static final String INTERVENTION = "intervention";
        public static final String MEANS = "means";
        public static final String SKILLS_DAYS = "skillsDays";
        public static final String APPROVED = "APPROVED";
        public static final String REJECTED = "REJECTED";
        public static final String POSTPONED = "POSTPONED";

        public boolean approved() {
            return APPROVED.equals(outcome);
        }

        /** The project's own approval, not a new intervention's. */
        public boolean approvesTheProject() {
            return approved() && !intervention;
        }

        static DecisionFact read(Document d) {
            Object means = d.get(MEANS);
            return new DecisionFact(day(d.get(DECIDED_ON)), d.getString(OUTCOME), Boolean.TRUE.equals(d.get(INTERVENTION)),
                    means instanceof Document m ? MeansFact.read(m) : null, integer(d.get(SKILLS_DAYS)));
        }
    }

    /** The value of the means an approval granted, by kind. */
    public record MeansFact(BigDecimal skills, BigDecimal inKind, BigDecimal advance, BigDecimal loan, BigDecimal direct) {

        public static final String SKILLS = "skills";
        public static final String IN_KIND = "inKind";
        public static final String ADVANCE = "advance";
        public static final String LOAN = "loan";
        public static final String DIRECT = "direct";

        static MeansFact read(Document m) {
            return new MeansFact(amount(m.get(SKILLS)), amount(m.get(IN_KIND)), amount(m.get(ADVANCE)), amount(m.get(LOAN)),
                    amount(m.get(DIRECT)));
        }
    }

    /** Days of a skills mission delivered on a day, and their value. */
    public record Delivery(@Nullable LocalDate on, int days, BigDecimal value) {

        public static final String ON = "on";
        public static final String DAYS = "days";
        public static final String VALUE = "value";
    }

    /**
     * A mandatary's report: the jobs to date, and the lasting ones among them ({@code null} in a report
     * stored before contracts were split by duration: then every job counts as lasting).
     */
    public record Report(LocalDate on, int jobs, @Nullable Integer lasting) {

        public static final String ON = "on";
        public static final String JOBS = "jobs";
        public static final String LASTING = "lasting";

        public int lastingJobs() {
            return lasting == null ? jobs : lasting;
        }
    }

    public static ProjectFact read(Document d) {
        List<DecisionFact> decisions = map(d, DECISIONS).values().stream().map(v -> DecisionFact.read((Document) v)).toList();
        List<Delivery> deliveries = map(d, DELIVERIES).values().stream().map(v -> (Document) v)
                .map(v -> new Delivery(day(v.get(Delivery.ON)), integer(v.get(Delivery.DAYS)), amount(v.get(Delivery.VALUE))))
                .toList();
        // a report counts from its date: one without (never written so) says nothing of a year
        List<Report> reports = new java.util.ArrayList<>();
        for (Object value : map(d, REPORTS).values()) {
            Document v = (Document) value;
            LocalDate on = day(v.get(Report.ON));
            if (on != null) {
                reports.add(new Report(on, integer(v.get(Report.JOBS)),
                        v.containsKey(Report.LASTING) ? Integer.valueOf(integer(v.get(Report.LASTING))) : null));
            }
        }
        List<LocalDate> disbursements = map(d, DISBURSEMENTS).values().stream().map(Reading::day).filter(Objects::nonNull)
                .map(Objects::requireNonNull).toList();
        return new ProjectFact(d.getString(PROJECT_ID), d.getString(STATUS), day(d.get(SUBMITTED_ON)), day(d.get(SIGNED_ON)),
                integer(d.get(FORECAST_JOBS)), decisions, deliveries, reports, disbursements);
    }

    /** The decisions taken within {@code span}. */
    public List<DecisionFact> decisionsIn(Span span) {
        return decisions.stream().filter(d -> span.contains(d.decidedOn())).toList();
    }

    /** The day of the project's approval, the latest if it was decided twice. */
    public Optional<LocalDate> approvedOn() {
        return decisions.stream().filter(DecisionFact::approvesTheProject).map(DecisionFact::decidedOn)
                .filter(Objects::nonNull).map(Objects::requireNonNull).max(Comparator.naturalOrder());
    }

    /** Whether a report is expected every six months: the convention signed, the project followed. */
    public boolean followed() {
        return signedOn != null && status != null && FOLLOWED.contains(status);
    }

    /** The latest report filed on or before {@code date}. */
    public Optional<Report> lastReportOn(LocalDate date) {
        return reports.stream().filter(r -> !r.on().isAfter(date)).max(Comparator.comparing(Report::on));
    }
}
