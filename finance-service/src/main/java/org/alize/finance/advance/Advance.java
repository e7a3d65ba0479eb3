package org.alize.finance.advance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alize.finance.events.AdvanceDisbursed;
import org.alize.finance.events.AdvanceOpened;
import org.alize.finance.events.AdvanceRescheduled;
import org.alize.finance.events.AdvanceWrittenOff;
import org.alize.finance.events.LossRecovered;
import org.alize.finance.events.RepaymentReceived;
import org.alize.finance.events.RepaymentReversed;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.Money;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.Ids;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An advance of the basin's fund to one project's SME; see the package documentation. */
@Document("advances")
public class Advance extends AggregateRoot {

    @Id
    private final String id;
    @Indexed
    private final String projectId;
    private final String projectReference;
    private final String companyName;
    private final String conventionId;
    private final LocalDate signedOn;
    private final BigDecimal granted;
    private final Terms terms;
    private List<Instalment> schedule;
    private final List<ScheduleVersion> formerSchedules;
    private final List<Movement> disbursements;
    private final List<Repayment> repayments;
    private final List<WriteOff> writeOffs;
    private final List<Movement> recoveries;
    private final List<HistoryEntry> history;

    /** Granted terms. */
    public record Terms(int durationMonths, int graceMonths, Frequency frequency) {
    }

    /** A schedule replaced by an approved change, kept as it stood. */
    public record ScheduleVersion(String approvalReference, LocalDate replacedOn, List<Instalment> schedule) {
    }

    /** Money in or out on a date. */
    public record Movement(String id, LocalDate on, BigDecimal amount, Instant recordedAt, String recordedBy) {
    }

    public record Repayment(String id, LocalDate paidOn, BigDecimal amount, List<RepaymentReceived.Allocation> allocations,
            Instant recordedAt, String recordedBy, Reversal reversal) {

        public boolean reversed() {
            return reversal != null;
        }
    }

    /** Why and when a repayment was undone (R-31: by a new movement, never by deleting it). */
    public record Reversal(LocalDate on, String reason, Instant recordedAt, String recordedBy) {
    }

    public record WriteOff(String id, LocalDate on, BigDecimal amount, String reason, String committeeReference,
            Instant recordedAt, String recordedBy) {
    }

    public enum Status {
        /** signed, nothing paid out yet */
        OPEN,
        /** money lent and owed */
        ACTIVE,
        /** fully repaid */
        REPAID,
        /** what was owed is written off */
        WRITTEN_OFF
    }

    @PersistenceCreator
    Advance(String id, String projectId, String projectReference, String companyName, String conventionId, LocalDate signedOn,
            BigDecimal granted, Terms terms, List<Instalment> schedule, List<ScheduleVersion> formerSchedules,
            List<Movement> disbursements, List<Repayment> repayments, List<WriteOff> writeOffs, List<Movement> recoveries,
            List<HistoryEntry> history) {
        this.id = id;
        this.projectId = projectId;
        this.projectReference = projectReference;
        this.companyName = companyName;
        this.conventionId = conventionId;
        this.signedOn = signedOn;
        this.granted = granted;
        this.terms = terms;
        this.schedule = schedule == null ? new ArrayList<>() : new ArrayList<>(schedule);
        this.formerSchedules = list(formerSchedules);
        this.disbursements = list(disbursements);
        this.repayments = list(repayments);
        this.writeOffs = list(writeOffs);
        this.recoveries = list(recoveries);
        this.history = list(history);
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? new ArrayList<>() : new ArrayList<>(items);
    }

    /** The id of the advance of a project: one advance per project, however often its convention is announced. */
    public static String idFor(String projectId) {
        return "adv-" + projectId;
    }

    /** Opens the advance of a signed cooperation convention, on the calendar of its annex. */
    public static Advance open(BasinId basin, String projectId, String projectReference, String companyName, String conventionId,
            LocalDate signedOn, BigDecimal amount, Terms terms, List<Instalment> calendar, Instant at, String by) {
        BigDecimal granted = Money.positive(amount, "amount");
        List<Instalment> schedule = calendar == null || calendar.isEmpty()
                ? Schedules.equal(granted, terms.durationMonths(), terms.graceMonths(), terms.frequency(), signedOn, 1)
                : calendar;
        BigDecimal total = schedule.stream().map(Instalment::amount).reduce(Money.ZERO, BigDecimal::add);
        if (total.compareTo(granted) != 0) {
            throw new IllegalArgumentException("the annex's calendar adds up to " + total + ", not " + granted);
        }
        Advance advance = new Advance(idFor(projectId), projectId, projectReference, companyName, conventionId, signedOn,
                granted, terms, schedule, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        advance.belongsTo(basin);
        advance.history.add(new HistoryEntry("OPENED", at, by, "convention " + conventionId + " signée le " + signedOn));
        advance.raise(new AdvanceOpened(basin.value(), advance.id, projectId, projectReference, companyName, conventionId, signedOn,
                granted, terms.durationMonths(), terms.graceMonths(), terms.frequency().name(), advance.scheduleEvent(), at, by));
        return advance;
    }

    /** Pays out a tranche: after the convention's signature and never beyond the amount granted. */
    public void disburse(LocalDate on, BigDecimal amount, LocalDate today, Instant at, String by) {
        BigDecimal tranche = Money.positive(amount, "amount");
        if (on == null || on.isAfter(today)) {
            throw InvalidInput.field("paidOn", "la date du versement est obligatoire et ne peut être future");
        }
        if (on.isBefore(signedOn)) {
            throw new RuleViolation("R-32", "Une avance n'est versée qu'après la signature de sa convention de coopération ("
                    + signedOn + ").");
        }
        if (status() == Status.WRITTEN_OFF) {
            throw new Conflict("advance.written-off", "Cette avance est passée en perte : plus aucun versement.");
        }
        BigDecimal after = disbursed().add(tranche);
        if (after.compareTo(granted) > 0) {
            throw new RuleViolation("R-32", "Le versement porterait l'avance à " + after.toPlainString() + " € pour "
                    + granted.toPlainString() + " € accordés.");
        }
        String movementId = Ids.next("dsb");
        disbursements.add(new Movement(movementId, on, tranche, at, by));
        history.add(new HistoryEntry("DISBURSED", at, by, tranche.toPlainString() + " € le " + on));
        raise(new AdvanceDisbursed(basin().value(), id, projectId, movementId, on, tranche, after, granted, at, by));
    }

    /**
     * Receives a repayment, allocated to the oldest instalments not yet settled (early repayment goes on to
     * the next ones); never more than what is owed.
     */
    public void repay(LocalDate on, BigDecimal amount, LocalDate today, Instant at, String by) {
        BigDecimal paid = Money.positive(amount, "amount");
        if (on == null || on.isAfter(today)) {
            throw InvalidInput.field("paidOn", "la date du remboursement est obligatoire et ne peut être future");
        }
        BigDecimal owed = outstanding();
        if (paid.compareTo(owed) > 0) {
            throw InvalidInput.field("amount", "le remboursement dépasse le restant dû (" + owed.toPlainString() + " €)");
        }
        List<RepaymentReceived.Allocation> allocations = new ArrayList<>();
        BigDecimal left = paid;
        for (int i = 0; i < schedule.size() && left.signum() > 0; i++) {
            Instalment instalment = schedule.get(i);
            BigDecimal part = instalment.unpaid().min(left);
            if (part.signum() > 0) {
                schedule.set(i, instalment.pay(part));
                allocations.add(new RepaymentReceived.Allocation(instalment.number(), part));
                left = left.subtract(part);
            }
        }
        String movementId = Ids.next("rpy");
        repayments.add(new Repayment(movementId, on, paid, allocations, at, by, null));
        history.add(new HistoryEntry("REPAID", at, by, paid.toPlainString() + " € le " + on));
        raise(new RepaymentReceived(basin().value(), id, projectId, movementId, on, paid, allocations, outstanding(),
                daysPastDue(today), at, by));
    }

    /**
     * Reverses a repayment recorded by mistake (a bounced cheque): what it settled is owed again, and it
     * stays on record with its reversal.
     */
    public void reverseRepayment(String repaymentId, LocalDate on, String reason, LocalDate today, Instant at, String by) {
        Repayment repayment = repayments.stream().filter(r -> r.id().equals(repaymentId)).findFirst()
                .orElseThrow(() -> new org.alize.kernel.problem.NotFound("repayment.not-found",
                        "Aucun remboursement « " + repaymentId + " » sur cette avance."));
        if (repayment.reversed()) {
            throw new Conflict("repayment.reversed", "Ce remboursement est déjà contre-passé.");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.field("reason", "le motif de la contre-passation est obligatoire");
        }
        if (on == null || on.isAfter(today) || on.isBefore(repayment.paidOn())) {
            throw InvalidInput.field("on", "la contre-passation suit le remboursement et n'est pas future");
        }
        for (RepaymentReceived.Allocation allocation : repayment.allocations()) {
            for (int i = 0; i < schedule.size(); i++) {
                Instalment instalment = schedule.get(i);
                if (instalment.number() == allocation.instalment()) {
                    schedule.set(i, instalment.pay(allocation.amount().negate()));
                }
            }
        }
        repayments.set(repayments.indexOf(repayment), new Repayment(repayment.id(), repayment.paidOn(), repayment.amount(),
                repayment.allocations(), repayment.recordedAt(), repayment.recordedBy(), new Reversal(on, reason.strip(), at, by)));
        history.add(new HistoryEntry("REPAYMENT_REVERSED", at, by, repayment.amount().toPlainString() + " € : " + reason));
        raise(new RepaymentReversed(basin().value(), id, projectId, repaymentId, on, repayment.amount(), reason.strip(), outstanding(),
                at, by));
    }

    /**
     * Replaces what remains to repay by a new schedule from {@code effectiveOn}, on an approved change; the
     * former schedule is kept in history.
     */
    public void reschedule(String approvalReference, LocalDate effectiveOn, int durationMonths, int graceMonths,
            Frequency frequency, Instant at, String by) {
        if (approvalReference == null || approvalReference.isBlank()) {
            throw InvalidInput.field("approvalReference", "un rééchelonnement est une modification approuvée : citez la décision");
        }
        BigDecimal remaining = schedule.stream().map(Instalment::unpaid).reduce(Money.ZERO, BigDecimal::add);
        if (remaining.signum() == 0) {
            throw new Conflict("advance.nothing-left", "Il ne reste rien à rééchelonner.");
        }
        List<Instalment> kept = new ArrayList<>();
        for (Instalment instalment : schedule) {
            BigDecimal done = instalment.paid().add(instalment.writtenOff());
            if (done.signum() > 0) {
                kept.add(new Instalment(instalment.number(), instalment.dueOn(), done, instalment.paid(), instalment.writtenOff()));
            }
        }
        // the new terms are checked before anything changes: a refused rescheduling leaves the advance as it was
        kept.addAll(Schedules.equal(remaining, durationMonths, graceMonths, frequency == null ? terms.frequency() : frequency,
                effectiveOn, kept.size() + 1));
        formerSchedules.add(new ScheduleVersion(approvalReference.strip(), effectiveOn, List.copyOf(schedule)));
        this.schedule = kept;
        history.add(new HistoryEntry("RESCHEDULED", at, by, approvalReference + " : " + remaining.toPlainString()
                + " € sur " + durationMonths + " mois"));
        raise(new AdvanceRescheduled(basin().value(), id, projectId, approvalReference.strip(), effectiveOn, remaining,
                scheduleEvent(), at, by));
    }

    /** Writes off all or part of what is owed, as a loss decided by the committee. */
    public void writeOff(LocalDate on, BigDecimal amount, String reason, String committeeReference, LocalDate today,
            Instant at, String by) {
        BigDecimal loss = Money.positive(amount, "amount");
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.field("reason", "le motif du passage en perte est obligatoire");
        }
        if (committeeReference == null || committeeReference.isBlank()) {
            throw new RuleViolation("R-30", "Un passage en perte est décidé par le comité : citez sa décision.");
        }
        if (on == null || on.isAfter(today)) {
            throw InvalidInput.field("writtenOffOn", "la date est obligatoire et ne peut être future");
        }
        BigDecimal owed = outstanding();
        if (loss.compareTo(owed) > 0) {
            throw InvalidInput.field("amount", "on ne passe en perte que ce qui reste dû (" + owed.toPlainString() + " €)");
        }
        BigDecimal left = loss;
        for (int i = schedule.size() - 1; i >= 0 && left.signum() > 0; i--) {
            Instalment instalment = schedule.get(i);
            BigDecimal part = instalment.unpaid().min(left);
            if (part.signum() > 0) {
                schedule.set(i, instalment.writeOff(part));
                left = left.subtract(part);
            }
        }
        String movementId = Ids.next("wof");
        writeOffs.add(new WriteOff(movementId, on, loss, reason.strip(), committeeReference.strip(), at, by));
        history.add(new HistoryEntry("WRITTEN_OFF", at, by, loss.toPlainString() + " € : " + reason));
        raise(new AdvanceWrittenOff(basin().value(), id, projectId, movementId, on, loss, reason.strip(), committeeReference.strip(),
                outstanding(), at, by));
    }

    /** Money recovered after a write-off, never more than what was written off and not yet recovered. */
    public void recover(LocalDate on, BigDecimal amount, LocalDate today, Instant at, String by) {
        BigDecimal recovered = Money.positive(amount, "amount");
        if (on == null || on.isAfter(today)) {
            throw InvalidInput.field("receivedOn", "la date est obligatoire et ne peut être future");
        }
        BigDecimal recoverable = writtenOff().subtract(recovered());
        if (recovered.compareTo(recoverable) > 0) {
            throw InvalidInput.field("amount", "on ne récupère que ce qui a été passé en perte (" + recoverable.toPlainString()
                    + " € restant)");
        }
        String movementId = Ids.next("rec");
        recoveries.add(new Movement(movementId, on, recovered, at, by));
        history.add(new HistoryEntry("RECOVERED", at, by, recovered.toPlainString() + " € le " + on));
        raise(new LossRecovered(basin().value(), id, projectId, movementId, on, recovered, at, by));
    }

    public BigDecimal disbursed() {
        return disbursements.stream().map(Movement::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    public BigDecimal repaid() {
        return repayments.stream().filter(r -> !r.reversed()).map(Repayment::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    public BigDecimal writtenOff() {
        return writeOffs.stream().map(WriteOff::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    public BigDecimal recovered() {
        return recoveries.stream().map(Movement::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    /** What the SME owes now: what was lent, less what it repaid and what was written off. */
    public BigDecimal outstanding() {
        return disbursed().subtract(repaid()).subtract(writtenOff());
    }

    /** Days since the oldest instalment due before {@code today} and not settled; 0 when none. */
    public int daysPastDue(LocalDate today) {
        if (outstanding().signum() == 0) {
            return 0;
        }
        return oldestOverdue(today).map(i -> (int) ChronoUnit.DAYS.between(i.dueOn(), today)).orElse(0);
    }

    /** What is due and unpaid on {@code today}. */
    public BigDecimal amountInArrears(LocalDate today) {
        if (outstanding().signum() == 0) {
            return Money.ZERO;
        }
        return schedule.stream().filter(i -> i.dueOn().isBefore(today)).map(Instalment::unpaid)
                .reduce(Money.ZERO, BigDecimal::add).min(outstanding());
    }

    private Optional<Instalment> oldestOverdue(LocalDate today) {
        return schedule.stream().filter(i -> i.dueOn().isBefore(today) && !i.settled()).findFirst();
    }

    public Status status() {
        if (disbursements.isEmpty()) {
            return Status.OPEN;
        }
        if (outstanding().signum() > 0) {
            return Status.ACTIVE;
        }
        return writtenOff().signum() > 0 ? Status.WRITTEN_OFF : Status.REPAID;
    }

    private List<AdvanceOpened.Instalment> scheduleEvent() {
        return schedule.stream().map(i -> new AdvanceOpened.Instalment(i.number(), i.dueOn(), i.amount())).toList();
    }

    public String id() {
        return id;
    }

    public String projectId() {
        return projectId;
    }

    public String projectReference() {
        return projectReference;
    }

    public String companyName() {
        return companyName;
    }

    public String conventionId() {
        return conventionId;
    }

    public LocalDate signedOn() {
        return signedOn;
    }

    public BigDecimal granted() {
        return granted;
    }

    public Terms terms() {
        return terms;
    }

    public List<Instalment> schedule() {
        return List.copyOf(schedule);
    }

    public List<ScheduleVersion> formerSchedules() {
        return List.copyOf(formerSchedules);
    }

    public List<Movement> disbursements() {
        return List.copyOf(disbursements);
    }

    public List<Repayment> repayments() {
        return List.copyOf(repayments);
    }

    public List<WriteOff> writeOffs() {
        return List.copyOf(writeOffs);
    }

    public List<Movement> recoveries() {
        return List.copyOf(recoveries);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
