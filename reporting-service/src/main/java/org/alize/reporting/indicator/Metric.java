package org.alize.reporting.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.alize.kernel.ProgrammeReferences;
import org.jspecify.annotations.Nullable;

/**
 * One figure of a basin's year, named once for every view and export: its key, its French label, its unit,
 * how to read it (and its reference) from a {@link YearIndicators}, and which way is better for ranks.
 */
public record Metric(String key, String label, Unit unit, Function<YearIndicators, @Nullable Number> value,
        @Nullable Function<YearIndicators, @Nullable Number> reference, Direction better) {

    public enum Unit {
        COUNT("nombre"), DAYS("jours"), EUROS("€"), PERCENT("%"), DELAY("jours");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether basins' figures add up to a network total (a delay or a share does not). */
        public boolean additive() {
            return this == COUNT || this == DAYS || this == EUROS;
        }
    }

    /** Which way ranks go: rank 1 is the highest value, the lowest, or (for neutral figures) the highest. */
    public enum Direction {
        HIGHER, LOWER
    }

    public Optional<BigDecimal> of(YearIndicators indicators) {
        return Optional.ofNullable(value.apply(indicators)).map(Metric::decimal);
    }

    public Optional<BigDecimal> referenceOf(YearIndicators indicators) {
        return reference == null ? Optional.empty() : Optional.ofNullable(reference.apply(indicators)).map(Metric::decimal);
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(number.longValue());
    }

    private static Metric of(String key, String label, Unit unit, Function<YearIndicators, @Nullable Number> value,
            @Nullable Function<YearIndicators, @Nullable Number> reference, Direction better) {
        return new Metric(key, label, unit, value, reference, better);
    }

    /** Every figure, in the order views and exports show them. */
    public static final List<Metric> ALL = List.of(
            of("sessionsHeld", "Comités d'agrément tenus (réf. " + ProgrammeReferences.R41_SESSIONS_PER_YEAR_MIN + " à "
                    + ProgrammeReferences.R41_SESSIONS_PER_YEAR_MAX + ", R-41)", Unit.COUNT, y -> y.activity().sessionsHeld(),
                    y -> y.activity().sessionsMin(), Direction.HIGHER),
            of("projectsSubmitted", "Projets déposés", Unit.COUNT, y -> y.activity().projectsSubmitted(), null, Direction.HIGHER),
            of("projectsExamined", "Projets examinés (réf. " + ProgrammeReferences.R41_PROJECTS_EXAMINED_PER_YEAR + ", R-41)", Unit.COUNT, y -> y.activity().projectsExamined(),
                    y -> y.activity().projectsExaminedReference(), Direction.HIGHER),
            of("projectsApproved", "Projets agréés (réf. " + ProgrammeReferences.R41_PROJECTS_APPROVED_PER_YEAR + ", R-41)", Unit.COUNT, y -> y.activity().projectsApproved(),
                    y -> y.activity().projectsApprovedReference(), Direction.HIGHER),
            of("followUpReportsOverdue", "Suivis en retard", Unit.COUNT, y -> y.activity().followUpReportsOverdue(), null,
                    Direction.LOWER),
            of("jobsForecast", "Emplois prévus par les agréments (réf. " + ProgrammeReferences.R41_JOBS_PER_YEAR + ", R-41)", Unit.COUNT, y -> y.jobs().forecast(),
                    y -> y.jobs().reference(), Direction.HIGHER),
            of("jobsRealised", "Emplois durables réalisés selon les suivis : CDI et CDD de 6 mois ou plus (réf. "
                    + ProgrammeReferences.R41_JOBS_PER_YEAR + ", R-25, R-41)",
                    Unit.COUNT, y -> y.jobs().realised(), y -> y.jobs().reference(), Direction.HIGHER),
            of("jobsRealisedAll", "Emplois réalisés, tous contrats (CDD courts et apprentis compris)", Unit.COUNT,
                    y -> y.jobs().realisedAll(), null, Direction.HIGHER),
            of("skillsDaysPledged", "Jours de compétences promis", Unit.DAYS, y -> y.skills().daysPledged(), null, Direction.HIGHER),
            of("skillsDaysContracted", "Jours de compétences engagés", Unit.DAYS, y -> y.skills().daysContracted(),
                    y -> y.skills().daysPledged(), Direction.HIGHER),
            of("skillsDaysDelivered", "Jours de compétences réalisés", Unit.DAYS, y -> y.skills().daysDelivered(),
                    y -> y.skills().daysContracted(), Direction.HIGHER),
            of("skillsValueDelivered", "Valeur des compétences réalisées", Unit.EUROS, y -> y.skills().valueDelivered(), null,
                    Direction.HIGHER),
            of("meansSkills", "Moyens accordés : compétences", Unit.EUROS, y -> y.meansGranted().skills(), null, Direction.HIGHER),
            of("meansInKind", "Moyens accordés : en nature", Unit.EUROS, y -> y.meansGranted().inKind(), null, Direction.HIGHER),
            of("meansAdvances", "Moyens accordés : avances remboursables", Unit.EUROS, y -> y.meansGranted().advances(), null,
                    Direction.HIGHER),
            of("meansSubsidisedLoans", "Moyens accordés : prêts bonifiés", Unit.EUROS, y -> y.meansGranted().subsidisedLoans(),
                    null, Direction.HIGHER),
            of("meansDirectFinancing", "Moyens accordés : financements directs", Unit.EUROS,
                    y -> y.meansGranted().directFinancing(), null, Direction.HIGHER),
            of("resourcesTotal", "Ressources de la convention (réf. " + ProgrammeReferences.euros(ProgrammeReferences.R13_CONVENTION_RESOURCES) + ", R-13)", Unit.EUROS, y -> y.resources().total(),
                    y -> y.resources().referenceTotal(), Direction.HIGHER),
            share("COMPANIES", "entreprises"),
            share("TERRITORIAL_ACTORS", "acteurs du territoire"),
            share("LOCAL_AUTHORITIES", "collectivités"),
            share("STATE_AND_CDC", "État et CDC"),
            of("projectSupport", "Soutien aux projets (réf. " + ProgrammeReferences.euros(ProgrammeReferences.R14_PROJECT_SUPPORT_PER_YEAR) + ", R-14)", Unit.EUROS, y -> y.spending().projectSupport(),
                    y -> y.spending().projectSupportReference(), Direction.HIGHER),
            of("localEngineering", "Ingénierie locale (réf. " + ProgrammeReferences.euros(ProgrammeReferences.R14_LOCAL_ENGINEERING_PER_YEAR) + ", R-14)", Unit.EUROS, y -> y.spending().localEngineering(),
                    y -> y.spending().localEngineeringReference(), Direction.LOWER),
            of("operatorReimbursement", "Remboursement de l'opérateur (plafond "
                    + ProgrammeReferences.euros(ProgrammeReferences.R14_OPERATOR_REIMBURSEMENT_CAP_PER_YEAR) + ", R-14)", Unit.EUROS,
                    y -> y.spending().operatorReimbursement(), y -> y.spending().operatorReimbursementCap(), Direction.LOWER),
            of("advancesLent", "Avances versées (R-30)", Unit.EUROS, y -> y.fund().lent(), null, Direction.HIGHER),
            of("advancesRepaid", "Remboursements reçus (R-30)", Unit.EUROS, y -> y.fund().repaid(), null, Direction.HIGHER),
            of("advancesWrittenOff", "Pertes constatées (R-30)", Unit.EUROS, y -> y.fund().writtenOff(), null, Direction.LOWER),
            of("advancesOutstanding", "Encours des avances en fin d'année (R-30)", Unit.EUROS, y -> y.fund().outstanding(), null,
                    Direction.HIGHER),
            of("advancesInArrears", "Impayés en fin d'année (R-30)", Unit.EUROS, y -> y.fund().inArrears(), null, Direction.LOWER),
            of("lossRate", "Taux de perte cumulé (réf. " + ProgrammeReferences.percent(ProgrammeReferences.R30_LOSS_RATE_PERCENT) + ", R-30)", Unit.PERCENT, y -> y.fund().lossRatePercent(),
                    y -> y.fund().lossRateReference(), Direction.LOWER),
            of("netLossRate", "Taux de perte net des récupérations (réf. "
                    + ProgrammeReferences.percent(ProgrammeReferences.R30_LOSS_RATE_PERCENT) + ", R-30)", Unit.PERCENT,
                    y -> y.fund().netLossRatePercent(), y -> y.fund().lossRateReference(), Direction.LOWER),
            of("fundBalance", "Trésorerie du fonds d'avances (R-30)", Unit.EUROS, y -> y.fund().balance(), null,
                    Direction.HIGHER),
            of("fundSize", "Taille du fonds : trésorerie et encours (réf. "
                    + ProgrammeReferences.euros(ProgrammeReferences.R30_CRITICAL_FUND_MIN).replace(" €", "") + " à " + ProgrammeReferences.euros(ProgrammeReferences.R30_CRITICAL_FUND_MAX) + ", R-30)", Unit.EUROS,
                    y -> y.fund().size(), y -> y.fund().criticalMin(), Direction.HIGHER),
            of("submissionToDecisionMedian", "Délai dépôt → décision, médiane", Unit.DELAY,
                    y -> y.processingTimes().submissionToDecision().median(), null, Direction.LOWER),
            of("submissionToDecisionP90", "Délai dépôt → décision, 9e décile", Unit.DELAY,
                    y -> y.processingTimes().submissionToDecision().p90(), null, Direction.LOWER),
            of("decisionToSignatureMedian", "Délai décision → signature, médiane", Unit.DELAY,
                    y -> y.processingTimes().decisionToSignature().median(), null, Direction.LOWER),
            of("decisionToSignatureP90", "Délai décision → signature, 9e décile", Unit.DELAY,
                    y -> y.processingTimes().decisionToSignature().p90(), null, Direction.LOWER),
            of("signatureToDisbursementMedian", "Délai signature → premier versement, médiane", Unit.DELAY,
                    y -> y.processingTimes().signatureToDisbursement().median(), null, Direction.LOWER),
            of("signatureToDisbursementP90", "Délai signature → premier versement, 9e décile", Unit.DELAY,
                    y -> y.processingTimes().signatureToDisbursement().p90(), null, Direction.LOWER),
            of("networkMeetingsHeld", "Réunions « Vie du réseau » (réf. " + ProgrammeReferences.R40_NETWORK_MEETINGS_PER_YEAR + ", R-40)", Unit.COUNT, y -> y.network().meetingsHeld(),
                    y -> y.network().meetingsReference(), Direction.HIGHER),
            of("networkMeetingsAttended", "Réunions « Vie du réseau » suivies par le bassin (R-40)", Unit.COUNT,
                    y -> y.network().meetingsAttended(), null, Direction.HIGHER));

    private static Metric share(String category, String label) {
        return of("share" + camel(category), "Part des ressources : " + label + " (réf. "
                + ProgrammeReferences.percent(Objects.requireNonNull(ProgrammeReferences.R13_RESOURCE_SHARES.get(category),
                        category)) + ", R-13)",
                Unit.PERCENT, y -> y.resources().sharePercent().get(category),
                y -> y.resources().referencePercent().get(category), Direction.HIGHER);
    }

    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase());
        }
        return out.toString();
    }

    public static Optional<Metric> byKey(String key) {
        return ALL.stream().filter(m -> m.key().equals(key)).findFirst();
    }
}
