package org.alize.finance.account;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.alize.kernel.BasinCalendar;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.Ids;
import org.alize.tenancy.web.Paged;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Contributions, transfers and operating expenses of the basin in context. */
@Service
public class AccountService {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Treasury treasury;
    private final Approvals approvals;

    AccountService(MongoTemplate mongo, Clock clock, Treasury treasury, Approvals approvals) {
        this.mongo = mongo;
        this.clock = clock;
        this.treasury = treasury;
        this.approvals = approvals;
    }

    public Contribution contribute(String partnerId, Contribution.Kind kind, Contribution.Target account, BigDecimal amount,
            LocalDate on, String description, String by) {
        return contribute(partnerId, kind, account, amount, on, description, false, by);
    }

    /**
     * Records a partner's contribution; skills or help in kind put at the operator's disposal are its defrayal in kind
     * and count with its money reimbursements toward the cap and budget of the convention year.
     */
    public Contribution contribute(String partnerId, Contribution.Kind kind, Contribution.Target account, BigDecimal amount,
            LocalDate on, String description, boolean forOperator, String by) {
        LocalDate date = on == null ? today() : on;
        Optional<Pledges> convention = conventionOn(date);
        Pledges.Pledge pledge = convention.flatMap(c -> c.pledges().stream()
                .filter(p -> p.organisationId().equals(partnerId)).findFirst())
                .orElseThrow(() -> InvalidInput.field("partnerId", "aucun engagement de ce partenaire dans la convention "
                        + "de partenariat en vigueur le " + date));
        Contribution contribution = Contribution.record(BasinContext.require(), Ids.next("ctb"), pledge, kind == null ? Contribution.Kind.CASH : kind,
                account, amount, date, description, forOperator, today(), clock.instant(), by);
        if (forOperator) {
            try {
                allowance(convention, date).check(contribution.amount());
            } catch (RuleViolation e) {
                throw new RuleViolation("R-14", "Mis à la disposition de l'opérateur, cet apport est son défraiement : "
                        + e.detail());
            }
        }
        return contribution.kind() == Contribution.Kind.CASH
                ? treasury.receive(contribution.account(), contribution.amount(), () -> mongo.insert(contribution))
                : mongo.insert(contribution);
    }

    /** What the operator may still be reimbursed in the convention year of {@code date}, money and in kind. */
    private ReimbursementAllowance allowance(Optional<Pledges> convention, LocalDate date) {
        List<OperatingYear> span = java.util.Arrays.stream(ReimbursementAllowance.calendarYears(convention, date))
                .mapToObj(this::operatingYear).toList();
        List<Contribution> inKind = mongo.find(new Query(org.springframework.data.mongodb.core.query.Criteria
                .where("forOperator").is(true)), Contribution.class);
        return ReimbursementAllowance.of(convention, date, span, inKind);
    }

    /** One page of the contributions by date (the newest first if asked): only that page is read. */
    public <T> Paged<T> contributions(int page, int size, boolean newestFirst, Function<Contribution, T> view) {
        return Paged.query(mongo, new Query().with(byDate("on", newestFirst)), Contribution.class, page, size, view);
    }

    /** One page of the transfers by date (the newest first if asked). */
    public <T> Paged<T> transfers(int page, int size, boolean newestFirst, Function<Transfer, T> view) {
        return Paged.query(mongo, new Query().with(byDate("on", newestFirst)), Transfer.class, page, size, view);
    }

    private static Sort byDate(String field, boolean newestFirst) {
        Sort.Direction direction = newestFirst ? Sort.Direction.DESC : Sort.Direction.ASC;
        return Sort.by(direction, field).and(Sort.by(direction, "_id"));
    }

    public Transfer transfer(Contribution.Target from, Contribution.Target to, BigDecimal amount, LocalDate on,
            String approvalReference, String reason, String by) {
        Transfer transfer = Transfer.record(BasinContext.require(), Ids.next("trf"), from, to, amount, on == null ? today() : on, approvalReference,
                reason, today(), clock.instant(), by);
        approvals.requireApproval(transfer.approvalReference(), transfer.on());
        Transfer recorded = treasury.payOut(from, transfer.amount(), "un virement",
                () -> treasury.receive(to, transfer.amount(), () -> mongo.insert(transfer)));
        return recorded;
    }

    public OperatingYear.Expense spend(OperatingYear.Category category, BigDecimal amount, LocalDate paidOn, String description,
            String payee, String by) {
        return spend(category, amount, paidOn, description, payee, null, by);
    }

    /** Records an operating expense; paid to the local operator, it is its reimbursement whatever its category. */
    public OperatingYear.Expense spend(OperatingYear.Category category, BigDecimal amount, LocalDate paidOn, String description,
            String payee, String payeeOrganisationId, String by) {
        LocalDate date = paidOn == null ? today() : paidOn;
        OperatingYear year = Optional.ofNullable(mongo.findById(OperatingYear.idFor(date.getYear()), OperatingYear.class))
                .orElseGet(() -> OperatingYear.of(BasinContext.require(), date.getYear()));
        OperatingYear.Expense expense = year.record(category, amount, date, description, payee, payeeOrganisationId,
                allowance(conventionOn(date), date), today(), clock.instant(), by);
        return treasury.payOut(Contribution.Target.OPERATING_ACCOUNT, expense.amount(), "une dépense", () -> {
            mongo.save(year);
            return expense;
        });
    }

    /** Undoes a contribution recorded by mistake; cash taken back out of its account keeps it at zero or more. */
    public Contribution reverseContribution(String id, LocalDate on, String reason, String by) {
        Contribution contribution = Optional.ofNullable(mongo.findById(id, Contribution.class)).orElseThrow(() ->
                new NotFound("contribution.not-found", "Aucune contribution « " + id + " » dans ce bassin."));
        String reversalId = Ids.next("rev");
        contribution.reverse(reversalId, on == null ? today() : on, reason, today(), clock.instant(), by);
        if (contribution.kind() != Contribution.Kind.CASH) {
            return mongo.save(contribution);
        }
        return treasury.payOut(contribution.account(), contribution.amount(), "la contre-passation", () -> mongo.save(contribution));
    }

    /** Undoes a transfer recorded by mistake: the money goes back, if the account it went to still has it. */
    public Transfer reverseTransfer(String id, LocalDate on, String reason, String by) {
        Transfer transfer = Optional.ofNullable(mongo.findById(id, Transfer.class)).orElseThrow(() ->
                new NotFound("transfer.not-found", "Aucun virement « " + id + " » dans ce bassin."));
        transfer.reverse(Ids.next("rev"), on == null ? today() : on, reason, today(), clock.instant(), by);
        return treasury.payOut(transfer.to(), transfer.amount(), "la contre-passation", () -> mongo.save(transfer));
    }

    /** Undoes an operating expense recorded by mistake; the money comes back to the operating account. */
    public OperatingYear.Expense reverseExpense(String expenseId, LocalDate on, String reason, String by) {
        OperatingYear year = Optional.ofNullable(mongo.findOne(new Query(
                org.springframework.data.mongodb.core.query.Criteria.where("expenses.id").is(expenseId)), OperatingYear.class))
                .orElseThrow(() -> new NotFound("expense.not-found", "Aucune dépense « " + expenseId + " » dans ce bassin."));
        OperatingYear.Expense reversed = year.reverse(expenseId, Ids.next("rev"), on == null ? today() : on, reason, today(),
                clock.instant(), by);
        mongo.save(year);
        return reversed;
    }

    public OperatingYear operatingYear(int year) {
        return Optional.ofNullable(mongo.findById(OperatingYear.idFor(year), OperatingYear.class))
                .orElseGet(() -> OperatingYear.of(BasinContext.require(), year));
    }

    /** The signed partnership convention whose term covers {@code date}, else the latest one. */
    public Optional<Pledges> conventionOn(LocalDate date) {
        List<Pledges> conventions = mongo.findAll(Pledges.class);
        return conventions.stream().filter(c -> c.covers(date)).findFirst()
                .or(() -> conventions.stream().max(Comparator.comparing(Pledges::startsOn)));
    }

    public List<Pledges> conventions() {
        return mongo.find(new org.springframework.data.mongodb.core.query.Query().with(Sort.by("startsOn")), Pledges.class);
    }

    public LocalDate today() {
        return BasinCalendar.today(clock);
    }
}
