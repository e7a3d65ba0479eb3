package org.alize.basin.committee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.alize.basin.convention.ConventionService;
import org.alize.basin.convention.PartnershipConvention;
import org.alize.basin.convention.Pledge;
import org.alize.basin.organisation.FunderKind;
import org.alize.basin.organisation.Organisation;
import org.alize.basin.organisation.OrganisationKind;
import org.alize.basin.organisation.OrganisationService;
import org.alize.basin.organisation.Person;
import org.alize.kernel.BasinCalendar;
import org.alize.kernel.problem.Conflict;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.Ids;
import org.alize.tenancy.web.Paged;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The committees of the basin in context. */
@Service
public class CommitteeService {

    private final ApprovalCommitteeRepository approval;
    private final SteeringCommitteeRepository steering;
    private final OrganisationService organisations;
    private final ConventionService conventions;
    private final Clock clock;
    private final MongoTemplate mongo;

    CommitteeService(ApprovalCommitteeRepository approval, SteeringCommitteeRepository steering,
            OrganisationService organisations, ConventionService conventions, Clock clock, MongoTemplate mongo) {
        this.approval = approval;
        this.steering = steering;
        this.organisations = organisations;
        this.conventions = conventions;
        this.clock = clock;
        this.mongo = mongo;
    }

    public ApprovalCommittee approval() {
        return approval.findById(ApprovalCommittee.ID).orElseGet(() -> ApprovalCommittee.empty(BasinContext.require()));
    }

    public SteeringCommittee steering() {
        return steering.findById(SteeringCommittee.ID).orElseGet(() -> SteeringCommittee.empty(BasinContext.require()));
    }

    public ApprovalCommittee.Membership appoint(String personId, Seat seat, boolean voting, LocalDate from, String by) {
        ApprovalCommittee committee = approval();
        ApprovalCommittee.Membership membership = committee.appoint(member(personId), seat, voting, from, clock.instant(), by);
        approval.save(committee);
        return membership;
    }

    public ApprovalCommittee endMembership(String membershipId, LocalDate lastDay, String reason, String by) {
        return changeApproval(c -> c.end(membershipId, lastDay, reason, clock.instant(), by));
    }

    public ApprovalCommittee electPresident(String personId, LocalDate from, String by) {
        ApprovalCommittee committee = approval();
        refreshActivity(committee, personId);
        committee.electPresident(personId, from, clock.instant(), by);
        return approval.save(committee);
    }

    public ApprovalCommittee setQuorum(QuorumRule rule, String by) {
        return changeApproval(c -> c.setQuorum(rule, clock.instant(), by));
    }

    public SteeringCommittee appointChair(SteeringCommittee.ChairKind kind, String personId, LocalDate prefectAgreedOn,
            LocalDate from, String by) {
        Member person = member(personId);
        boolean localAuthority = false;
        BigDecimal share = null;
        if (person.organisationId() != null) {
            Organisation organisation = organisations.organisation(person.organisationId());
            localAuthority = organisation.kind() == OrganisationKind.PUBLIC_FUNDER
                    && organisation.profile().funderKind() == FunderKind.LOCAL_AUTHORITY;
            share = shareOf(organisation.id()).orElse(null);
        }
        SteeringCommittee committee = steering();
        committee.appointChair(kind, person, localAuthority, share, prefectAgreedOn, from, clock.instant(), by);
        return steering.save(committee);
    }

    public SteeringCommittee addSteeringMember(String personId, LocalDate from, String by) {
        SteeringCommittee committee = steering();
        committee.addMember(member(personId), from, clock.instant(), by);
        return steering.save(committee);
    }

    public SteeringCommittee endSteeringMember(String personId, LocalDate lastDay, String by) {
        SteeringCommittee committee = steering();
        committee.endMember(personId, lastDay, clock.instant(), by);
        return steering.save(committee);
    }

    /** Records a decision of the steering committee; a reference recorded already is a conflict (409). */
    public SteeringDecision recordSteeringDecision(String reference, LocalDate decidedOn, String subject, String by) {
        SteeringDecision decision = SteeringDecision.record(BasinContext.require(), Ids.next("dec"), reference, decidedOn, subject, today(),
                clock.instant(), by);
        if (mongo.exists(new Query(Criteria.where("reference").is(decision.reference())), SteeringDecision.class)) {
            throw new Conflict("steering-decision.exists", "Une décision « " + decision.reference()
                    + " » est déjà enregistrée.");
        }
        return mongo.insert(decision);
    }

    /** One page of the steering committee's decisions, the latest first. */
    public <T> Paged<T> steeringDecisions(int page, int size, Function<SteeringDecision, T> view) {
        return Paged.query(mongo, new Query().with(
                Sort.by(Sort.Direction.DESC, "decidedOn", "_id")),
                SteeringDecision.class, page, size, view);
    }

    public LocalDate today() {
        return BasinCalendar.today(clock);
    }

    private ApprovalCommittee changeApproval(Consumer<ApprovalCommittee> change) {
        ApprovalCommittee committee = approval();
        change.accept(committee);
        return approval.save(committee);
    }

    /** The in-activity flag of R-06 is read when the president is elected, not when the member was appointed. */
    private void refreshActivity(ApprovalCommittee committee, String personId) {
        Person person = organisations.person(personId);
        committee.refreshMember(member(person));
    }

    private Member member(String personId) {
        return member(organisations.person(personId));
    }

    private Member member(Person person) {
        Person.Details details = person.details();
        Organisation organisation = details.organisationId() == null ? null : organisations.organisation(details.organisationId());
        return new Member(person.id(), person.fullName(), details.affiliation().name(), details.organisationId(),
                organisation == null ? null : organisation.name(), organisation == null ? null : organisation.kind().name(),
                person.inActivity());
    }

    /**
     * The organisation's financial share, in percent: its cash over all the cash pledged to the convention in
     * force (or being negotiated); skills and help in kind are contributions, not a financial share.
     */
    private Optional<BigDecimal> shareOf(String organisationId) {
        Optional<PartnershipConvention> convention = conventions.inForce()
                .or(() -> conventions.all().stream().findFirst());
        return convention.flatMap(c -> {
            BigDecimal cash = c.terms().pledges().stream().map(Pledge::cash).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (cash.signum() == 0) {
                return Optional.empty();
            }
            return c.terms().pledges().stream().filter(p -> p.organisationId().equals(organisationId)).findFirst()
                    .map(Pledge::cash).filter(java.util.Objects::nonNull)
                    .map(own -> own.multiply(new BigDecimal("100")).divide(cash, 1, RoundingMode.HALF_UP));
        });
    }
}
