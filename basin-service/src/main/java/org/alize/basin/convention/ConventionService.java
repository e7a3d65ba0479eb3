package org.alize.basin.convention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.alize.basin.organisation.Organisation;
import org.alize.basin.organisation.OrganisationService;
import org.alize.kernel.BasinCalendar;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.BasinContext;
import org.springframework.stereotype.Service;

/** The partnership conventions of the basin in context. */
@Service
public class ConventionService {

    private final ConventionRepository conventions;
    private final OrganisationService organisations;
    private final Clock clock;

    ConventionService(ConventionRepository conventions, OrganisationService organisations, Clock clock) {
        this.conventions = conventions;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** What a pledge says before the service has looked its organisation up. */
    public record PledgeInput(String organisationId, java.math.BigDecimal cash, int skillsDays,
            java.math.BigDecimal skillsDailyValue, java.math.BigDecimal inKind, String note) {
    }

    /** What a signature says before the service has looked its organisation up. */
    public record SignatureInput(String organisationId, String signatory, LocalDate signedOn) {
    }

    public PartnershipConvention draft(LocalDate startsOn, List<PledgeInput> pledges, PartnershipConvention.Terms terms,
            String by) {
        if (!conventions.findByStatus(ConventionStatus.DRAFT).isEmpty()) {
            throw new Conflict("convention.draft-exists", "Une convention est déjà en négociation dans ce bassin : "
                    + "modifiez-la plutôt que d'en ouvrir une autre.");
        }
        int number = conventions.findAll().stream().mapToInt(PartnershipConvention::number).max().orElse(0) + 1;
        return conventions.save(PartnershipConvention.draft(BasinContext.require(), newId(startsOn), number, null, startsOn,
                withPledges(terms, pledges), clock.instant(), by));
    }

    public PartnershipConvention revise(String id, List<PledgeInput> pledges, PartnershipConvention.Terms terms, String by) {
        PartnershipConvention convention = get(id);
        convention.revise(withPledges(terms, pledges), clock.instant(), by);
        return conventions.save(convention);
    }

    public PartnershipConvention sign(String id, List<SignatureInput> signatures, List<String> operatorOrganisationIds,
            String astreesSignatory, String operatorSignatory, LocalDate operatorSignedOn, String by) {
        PartnershipConvention convention = get(id);
        for (PartnershipConvention other : conventions.findByStatus(ConventionStatus.SIGNED)) {
            if (other.overlaps(convention)) {
                throw new Conflict("convention.overlap", "La convention " + other.id() + " couvre déjà une partie de la période "
                        + "du " + convention.startsOn() + " au " + convention.endsOn() + ".");
            }
        }
        List<Signature> resolved = signatures == null ? List.of() : signatures.stream().map(s -> {
            Organisation organisation = organisations.organisation(s.organisationId());
            return new Signature(organisation.id(), organisation.name(), organisation.kind(), s.signatory(), s.signedOn());
        }).toList();
        if (operatorOrganisationIds != null) {
            operatorOrganisationIds.forEach(organisations::organisation);
        }
        OperatorConvention operator = new OperatorConvention(operatorOrganisationIds, astreesSignatory, operatorSignatory,
                operatorSignedOn, convention.startsOn(), convention.endsOn());
        convention.sign(resolved, operator, today(), clock.instant(), by);
        return conventions.save(convention);
    }

    public PartnershipConvention renew(String id, String by) {
        PartnershipConvention previous = get(id);
        PartnershipConvention next = previous.renew(newId(previous.endsOn().plusDays(1)), clock.instant(), by);
        if (!conventions.findByStatus(ConventionStatus.DRAFT).isEmpty()) {
            throw new Conflict("convention.draft-exists", "Une convention est déjà en négociation dans ce bassin.");
        }
        conventions.save(previous);
        return conventions.save(next);
    }

    public PartnershipConvention get(String id) {
        return conventions.findById(id).orElseThrow(() ->
                new NotFound("convention.not-found", "Aucune convention « " + id + " » dans ce bassin."));
    }

    public List<PartnershipConvention> all() {
        return conventions.findAllByOrderByStartsOnDesc();
    }

    /** The signed convention whose term covers today, if any. */
    public Optional<PartnershipConvention> inForce() {
        LocalDate today = today();
        return conventions.findByStatus(ConventionStatus.SIGNED).stream().filter(c -> c.inForceOn(today)).findFirst();
    }

    private PartnershipConvention.Terms withPledges(PartnershipConvention.Terms terms, List<PledgeInput> pledges) {
        List<Pledge> resolved = pledges == null ? List.of() : pledges.stream().map(p -> {
            if (p.organisationId() == null) {
                throw InvalidInput.field("pledges.organisationId", "chaque engagement nomme son organisation");
            }
            Organisation organisation = organisations.organisation(p.organisationId());
            if (!organisation.active()) {
                throw InvalidInput.field("pledges.organisationId", organisation.name() + " s'est retirée du partenariat");
            }
            return new Pledge(organisation.id(), organisation.name(), organisation.kind(), organisation.resourceCategory(),
                    p.cash(), p.skillsDays(), p.skillsDailyValue(), p.inKind(), p.note());
        }).toList();
        return new PartnershipConvention.Terms(resolved, terms.objectives(), terms.specificObjectives(),
                terms.labourMarketArticulation(), terms.budget(), terms.operatorReimbursementAgreedByAllPartners());
    }

    private LocalDate today() {
        return BasinCalendar.today(clock);
    }

    private String newId(LocalDate startsOn) {
        String base = "conv-" + startsOn.getYear();
        String id = base;
        for (int n = 2; conventions.existsById(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
