package org.alize.basin.convention;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.alize.basin.events.PartnershipConventionSigned;
import org.alize.basin.organisation.OrganisationKind;
import org.alize.kernel.BasinCalendar;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.Money;
import org.alize.kernel.ProgrammeReferences;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A basin's partnership convention, from draft to signature, and its renewal. */
@Document("conventions")
public class PartnershipConvention extends AggregateRoot {

    public static final int MIN_PARTNER_COMPANIES = 4;

    @Id
    private final String id;
    private final int number;
    private final String previousConventionId;
    private String renewedById;
    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private ConventionStatus status;
    private Terms terms;
    private List<Signature> signatures;
    private LocalDate signedOn;
    private OperatorConvention operatorConvention;
    private final List<HistoryEntry> history;

    @PersistenceCreator
    PartnershipConvention(String id, int number, String previousConventionId, String renewedById, LocalDate startsOn,
            LocalDate endsOn, ConventionStatus status, Terms terms, List<Signature> signatures, LocalDate signedOn,
            OperatorConvention operatorConvention, List<HistoryEntry> history) {
        this.id = id;
        this.number = number;
        this.previousConventionId = previousConventionId;
        this.renewedById = renewedById;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.status = status;
        this.terms = terms;
        this.signatures = signatures == null ? List.of() : List.copyOf(signatures);
        this.signedOn = signedOn;
        this.operatorConvention = operatorConvention;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    /** What the partners negotiate: pledges, objectives, budget annex. */
    public record Terms(List<Pledge> pledges, Objectives objectives, List<String> specificObjectives,
            String labourMarketArticulation, List<BudgetLine> budget, boolean operatorReimbursementAgreedByAllPartners) {

        public Terms {
            pledges = pledges == null ? List.of() : List.copyOf(pledges);
            objectives = objectives == null ? Objectives.REFERENCE : objectives;
            specificObjectives = specificObjectives == null ? List.of() : List.copyOf(specificObjectives);
            budget = budget == null ? List.of() : List.copyOf(budget);
        }
    }

    /** A new convention under negotiation, for 3 years from {@code startsOn}. */
    public static PartnershipConvention draft(BasinId basin, String id, int number, String previousConventionId, LocalDate startsOn,
            Terms terms, Instant at, String by) {
        if (startsOn == null) {
            throw InvalidInput.field("startsOn", "la date de début est obligatoire");
        }
        if (startsOn.isAfter(LocalDate.ofInstant(at, BasinCalendar.ZONE).plusYears(ProgrammeReferences.R10_CONVENTION_YEARS))) {
            throw InvalidInput.field("startsOn", "une convention se prépare au plus un terme (" + ProgrammeReferences.R10_CONVENTION_YEARS + " ans) à l'avance");
        }
        PartnershipConvention convention = new PartnershipConvention(id, number, previousConventionId, null, startsOn,
                startsOn.plusYears(ProgrammeReferences.R10_CONVENTION_YEARS).minusDays(1), ConventionStatus.DRAFT, checked(terms), List.of(), null, null, List.of());
        convention.belongsTo(basin);
        convention.history.add(new HistoryEntry(previousConventionId == null ? "DRAFTED" : "RENEWAL_DRAFTED", at, by,
                "du " + startsOn + " au " + convention.endsOn));
        return convention;
    }

    public void revise(Terms changed, Instant at, String by) {
        requireDraft("modifier");
        this.terms = checked(changed);
        history.add(new HistoryEntry("REVISED", at, by, null));
    }

    /**
     * All partners sign, at least four partner companies among them, and the operator
     * convention is signed with it, for the same term.
     */
    public void sign(List<Signature> given, OperatorConvention operator, LocalDate today, Instant at, String by) {
        requireDraft("signer");
        if (given == null || given.isEmpty()) {
            throw InvalidInput.field("signatures", "aucune signature");
        }
        Set<String> signers = new HashSet<>();
        for (Signature signature : given) {
            if (!signers.add(signature.organisationId())) {
                throw InvalidInput.field("signatures", signature.organisationName() + " signe deux fois");
            }
            if (signature.signedOn() == null || signature.signedOn().isAfter(today)) {
                throw InvalidInput.field("signatures.signedOn", "date de signature de " + signature.organisationName()
                        + " absente ou future");
            }
        }
        List<String> unsigned = terms.pledges().stream().filter(p -> !signers.contains(p.organisationId()))
                .map(Pledge::organisationName).toList();
        if (!unsigned.isEmpty()) {
            throw new RuleViolation("R-10", "La convention est signée par tous les partenaires ; manquent : "
                    + String.join(", ", unsigned) + ".");
        }
        long companies = given.stream().filter(s -> s.organisationKind() == OrganisationKind.PARTNER_COMPANY).count();
        if (companies < MIN_PARTNER_COMPANIES) {
            throw new RuleViolation("R-05", "Une convention de partenariat réunit au moins " + MIN_PARTNER_COMPANIES
                    + " entreprises partenaires (une dizaine est l'idéal) ; " + companies + " ont signé.");
        }
        if (operator == null || operator.signedOn() == null || operator.operatorOrganisationIds() == null
                || operator.operatorOrganisationIds().isEmpty()) {
            throw new RuleViolation("R-11", "La convention d'opérateur local (ASTREES – opérateur) est signée en même temps "
                    + "que la convention de partenariat : indiquez sa date et ses signataires.");
        }
        if (operator.signedOn().isAfter(today)) {
            throw InvalidInput.field("operatorConvention.signedOn", "date de signature future");
        }
        this.signatures = List.copyOf(given);
        this.signedOn = given.stream().map(Signature::signedOn).max(Comparator.naturalOrder()).orElseThrow();
        this.operatorConvention = new OperatorConvention(List.copyOf(operator.operatorOrganisationIds()),
                operator.astreesSignatory(), operator.operatorSignatory(), operator.signedOn(), startsOn, endsOn);
        this.status = ConventionStatus.SIGNED;
        history.add(new HistoryEntry("SIGNED", at, by, given.size() + " signataires, dont " + companies + " entreprises"));
        raise(signedEvent(at, by));
    }

    /** The next convention, linked to this one, starting the day after it ends, on the same terms to begin with. */
    public PartnershipConvention renew(String newId, Instant at, String by) {
        if (status != ConventionStatus.SIGNED) {
            throw new Conflict("convention.not-signed", "Seule une convention signée se renouvelle.", List.of("sign"));
        }
        if (renewedById != null) {
            throw new Conflict("convention.renewed", "Cette convention est déjà renouvelée par " + renewedById + ".");
        }
        this.renewedById = newId;
        history.add(new HistoryEntry("RENEWED", at, by, newId));
        return draft(basin(), newId, number + 1, id, endsOn.plusDays(1), terms, at, by);
    }

    public boolean inForceOn(LocalDate date) {
        return status == ConventionStatus.SIGNED && !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }

    public boolean overlaps(PartnershipConvention other) {
        return !startsOn.isAfter(other.endsOn) && !other.startsOn.isAfter(endsOn);
    }

    public ResourceProfile resourceProfile() {
        return ResourceProfile.of(terms.pledges());
    }

    public SpendingPlan spendingPlan() {
        return SpendingPlan.of(terms.budget());
    }

    private void requireDraft(String verb) {
        if (status != ConventionStatus.DRAFT) {
            throw new Conflict("convention.signed", "Impossible de " + verb + " une convention déjà signée : "
                    + "renouvelez-la pour en négocier une nouvelle.", List.of("renew"));
        }
    }

    private static Terms checked(Terms terms) {
        if (terms == null) {
            return new Terms(List.of(), Objectives.REFERENCE, List.of(), null, List.of(), false);
        }
        Set<String> pledging = new HashSet<>();
        for (Pledge pledge : terms.pledges()) {
            if (!pledging.add(pledge.organisationId())) {
                throw InvalidInput.field("pledges", pledge.organisationName() + " a deux engagements : regroupez-les");
            }
        }
        Map<Integer, BigDecimal> reimbursement = terms.budget().stream()
                .filter(line -> line.kind() == BudgetLine.Kind.SPENDING && line.category() == BudgetLine.Category.OPERATOR_REIMBURSEMENT)
                .collect(Collectors.groupingBy(BudgetLine::year,
                        Collectors.reducing(Money.ZERO, BudgetLine::amount, BigDecimal::add)));
        reimbursement.forEach((year, amount) -> {
            if (amount.compareTo(ProgrammeReferences.R14_OPERATOR_REIMBURSEMENT_CAP_PER_YEAR) > 0) {
                throw new RuleViolation("R-14", "Le remboursement de l'opérateur est plafonné à 10 000 € par an ; l'année "
                        + year + " en prévoit " + amount.toPlainString() + " €.");
            }
        });
        if (reimbursement.values().stream().anyMatch(a -> a.signum() > 0) && !terms.operatorReimbursementAgreedByAllPartners()) {
            throw new RuleViolation("R-14", "Le remboursement de l'opérateur suppose l'accord de tous les partenaires.");
        }
        return terms;
    }

    private PartnershipConventionSigned signedEvent(Instant at, String by) {
        Map<String, OrganisationKind> kinds = signatures.stream()
                .collect(Collectors.toMap(Signature::organisationId, Signature::organisationKind));
        Objectives o = terms.objectives();
        return new PartnershipConventionSigned(basin().value(), id, number, previousConventionId, startsOn,
                endsOn, signedOn,
                terms.pledges().stream().map(p -> new PartnershipConventionSigned.Pledge(p.organisationId(),
                        p.organisationName(), p.organisationKind().name(), p.category().name(), p.cash(), p.skillsDays(),
                        p.skillsDailyValue(), p.skillsValue(), p.inKind(), p.total())).toList(),
                new PartnershipConventionSigned.Objectives(o.sessionsPerYearMin(), o.sessionsPerYearMax(),
                        o.projectsExaminedPerYear(), o.projectsApprovedPerYear(), o.jobsPerYear(), o.jobsOverConvention()),
                terms.budget().stream().map(b -> new PartnershipConventionSigned.BudgetLine(b.year(), b.kind().name(),
                        b.category().name(), b.amount())).toList(),
                signatures.stream().map(s -> new PartnershipConventionSigned.Signatory(s.organisationId(),
                        kinds.get(s.organisationId()).name(), s.signedOn())).toList(),
                operatorConvention.operatorOrganisationIds(), operatorConvention.signedOn(), at, by);
    }

    public String id() {
        return id;
    }

    public int number() {
        return number;
    }

    public String previousConventionId() {
        return previousConventionId;
    }

    public String renewedById() {
        return renewedById;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public ConventionStatus status() {
        return status;
    }

    public Terms terms() {
        return terms;
    }

    public List<Signature> signatures() {
        return signatures;
    }

    public LocalDate signedOn() {
        return signedOn;
    }

    public OperatorConvention operatorConvention() {
        return operatorConvention;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
