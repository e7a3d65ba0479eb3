package org.alize.reporting.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One basin's indicators for one calendar year, each group beside its reference; one document per basin and
 * year. Besides the basin-first index, the network views read one year of every basin: the {@code year_basin}
 * index serves them, at a cost in proportion to the number of basins.
 */
@Document("indicators")
@CompoundIndex(name = "basin_year", def = "{'basinId': 1, 'year': 1}")
@CompoundIndex(name = "year_basin", def = "{'year': 1, 'basinId': 1}")
public record YearIndicators(@Id String id, String basinId, int year, Activity activity, Jobs jobs, Skills skills,
        Means meansGranted, Resources resources, Spending spending, Fund fund, ProcessingTimes processingTimes,
        Network network, Instant currentAsOf, long eventsApplied) {

    /** 6 to 10 sessions, about 15 projects examined and 12 approved a year. */
    public record Activity(int sessionsHeld, int sessionsValidated, int sessionsMin, int sessionsMax, int projectsSubmitted,
            int projectsExamined, int projectsExaminedReference, int projectsApproved, int projectsApprovedReference,
            int projectsRejected, int projectsPostponed, int followUpReportsOverdue) {
    }

    /** 75 jobs a year (225 over a convention): forecast by the approvals, realised per the follow-up reports. */
    /**
     * @param realised    « emplois durables » created in the year (CDI and CDD of six months or more, R-25),
     *                    weighed against the reference
     * @param realisedAll every job the follow-up reports count, shorter CDD and apprenticeships included
     */
    public record Jobs(int forecast, int realised, int reference, int realisedAll) {
    }

    /** Partner staff days: pledged (a third of the convention's), contracted by approvals, delivered, and their value. */
    public record Skills(int daysPledged, int daysContracted, int daysDelivered, BigDecimal valueDelivered) {
    }

    /** the means the approvals of the year granted, by kind. */
    public record Means(BigDecimal skills, BigDecimal inKind, BigDecimal advances, BigDecimal subsidisedLoans,
            BigDecimal directFinancing) {
    }

    /** the convention in force's resources by category, their shares against 40/20/25/15 and total against 900 k€. */
    public record Resources(@Nullable String conventionId, Map<String, BigDecimal> byCategory, Map<String, BigDecimal> sharePercent,
            Map<String, BigDecimal> referencePercent, BigDecimal total, BigDecimal referenceTotal) {
    }

    /** project support against ~210 k€, local engineering against ~90 k€, the operator's reimbursement against its 10 k€ cap. */
    public record Spending(BigDecimal projectSupport, BigDecimal projectSupportReference, BigDecimal localEngineering,
            BigDecimal localEngineeringReference, BigDecimal operatorReimbursement, BigDecimal operatorReimbursementCap) {
    }

    /** advances lent, repaid, written off in the year; outstanding and in arrears at its end; loss rate and fund balance. */
    /**
     * @param netLossRatePercent (written off − recovered) / lent, beside the gross rate
     * @param size               the fund's cash plus the advances outstanding, weighed against the critical size
     */
    public record Fund(BigDecimal lent, BigDecimal repaid, BigDecimal writtenOff, BigDecimal recovered, BigDecimal outstanding,
            BigDecimal inArrears, int advancesInArrears, BigDecimal lossRatePercent, BigDecimal lossRateReference,
            BigDecimal balance, BigDecimal criticalMin, BigDecimal criticalMax, BigDecimal netLossRatePercent,
            BigDecimal size) {
    }

    /** Days from submission to decision, decision to signature, signature to first disbursement: median and 90th percentile. */
    public record ProcessingTimes(Percentiles submissionToDecision, Percentiles decisionToSignature,
            Percentiles signatureToDisbursement) {
    }

    /** « Vie du réseau » meetings held (3 a year at least) and national events, and how many of the former the basin attended. */
    public record Network(int meetingsHeld, int meetingsReference, int nationalEvents, int meetingsAttended) {
    }
}
