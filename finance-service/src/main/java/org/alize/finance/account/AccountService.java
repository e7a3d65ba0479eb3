package org.alize.finance.account;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.alize.finance.Ids;
import org.alize.tenancy.problem.InvalidInput;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Contributions, transfers and operating expenses of the basin in context. */
@Service
public class AccountService {

    private final MongoTemplate mongo;
    private final Clock clock;

    AccountService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Contribution contribute(String partnerId, Contribution.Kind kind, Contribution.Target account, BigDecimal amount,
            LocalDate on, String description, String by) {
        LocalDate date = on == null ? today() : on;
        Pledges.Pledge pledge = conventionOn(date).flatMap(c -> c.pledges().stream()
                .filter(p -> p.organisationId().equals(partnerId)).findFirst())
                .orElseThrow(() -> InvalidInput.field("partnerId", "aucun engagement de ce partenaire dans la convention "
                        + "de partenariat en vigueur le " + date));
        return mongo.insert(Contribution.record(Ids.next("ctb"), pledge, kind == null ? Contribution.Kind.CASH : kind, account,
                amount, date, description, today(), clock.instant(), by));
    }

    public List<Contribution> contributions() {
        return mongo.findAll(Contribution.class).stream().sorted(Comparator.comparing(Contribution::on)).toList();
    }

    public Transfer transfer(Contribution.Target from, Contribution.Target to, BigDecimal amount, LocalDate on,
            String approvalReference, String reason, String by) {
        return mongo.insert(Transfer.record(Ids.next("trf"), from, to, amount, on == null ? today() : on, approvalReference,
                reason, today(), clock.instant(), by));
    }

    public List<Transfer> transfers() {
        return mongo.findAll(Transfer.class).stream().sorted(Comparator.comparing(Transfer::on)).toList();
    }

    public OperatingYear.Expense spend(OperatingYear.Category category, BigDecimal amount, LocalDate paidOn, String description,
            String payee, String by) {
        LocalDate date = paidOn == null ? today() : paidOn;
        OperatingYear year = Optional.ofNullable(mongo.findById(OperatingYear.idFor(date.getYear()), OperatingYear.class))
                .orElseGet(() -> OperatingYear.of(date.getYear()));
        BigDecimal budgeted = conventionOn(date).map(c -> c.reimbursementBudgetedFor(date)).orElse(BigDecimal.ZERO);
        OperatingYear.Expense expense = year.record(category, amount, date, description, payee, budgeted, today(),
                clock.instant(), by);
        mongo.save(year);
        return expense;
    }

    public OperatingYear operatingYear(int year) {
        return Optional.ofNullable(mongo.findById(OperatingYear.idFor(year), OperatingYear.class))
                .orElseGet(() -> OperatingYear.of(year));
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
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
    }
}
