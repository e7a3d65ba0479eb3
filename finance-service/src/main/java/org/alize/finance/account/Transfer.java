package org.alize.finance.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.alize.finance.events.MovementReversed;
import org.alize.finance.events.TransferRecorded;
import org.alize.kernel.Money;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** Money moved between the two dedicated accounts, never without a recorded approval. */
@Document("transfers")
public class Transfer extends AggregateRoot {

    @Id
    private final String id;
    private final Contribution.Target from;
    private final Contribution.Target to;
    private final BigDecimal amount;
    private final LocalDate on;
    private final String approvalReference;
    private final String reason;
    private Reversal reversal;

    Transfer(String id, Contribution.Target from, Contribution.Target to, BigDecimal amount, LocalDate on,
            String approvalReference, String reason) {
        this(id, from, to, amount, on, approvalReference, reason, null);
    }

    @PersistenceCreator
    Transfer(String id, Contribution.Target from, Contribution.Target to, BigDecimal amount, LocalDate on,
            String approvalReference, String reason, Reversal reversal) {
        this.reversal = reversal;
        this.id = id;
        this.from = from;
        this.to = to;
        this.amount = amount;
        this.on = on;
        this.approvalReference = approvalReference;
        this.reason = reason;
    }

    public static Transfer record(BasinId basin, String id, Contribution.Target from, Contribution.Target to, BigDecimal amount, LocalDate on,
            String approvalReference, String reason, LocalDate today, Instant at, String by) {
        if (from == null || to == null || from == to) {
            throw InvalidInput.field("to", "un virement va d'un compte à l'autre");
        }
        if (approvalReference == null || approvalReference.isBlank()) {
            throw new RuleViolation("R-04", "L'argent ne passe d'un compte à l'autre que par un virement approuvé : "
                    + "citez la décision qui l'approuve.");
        }
        if (on == null || on.isAfter(today)) {
            throw InvalidInput.field("on", "la date est obligatoire et ne peut être future");
        }
        Transfer transfer = new Transfer(id, from, to, Money.positive(amount, "amount"), on, approvalReference.strip(), reason);
        transfer.belongsTo(basin);
        transfer.raise(new TransferRecorded(basin.value(), id, from.name(), to.name(), transfer.amount, on,
                transfer.approvalReference, reason, at, by));
        return transfer;
    }

    /** Undoes a transfer recorded by mistake by a new movement of {@code on}: the money goes back. */
    public void reverse(String reversalId, LocalDate on, String why, LocalDate today, Instant at, String by) {
        this.reversal = Reversal.of(reversalId, reversal, this.on, on, why, today, at, by);
        raise(new MovementReversed(basin().value(), reversalId, id, "TRANSFER", amount, on, reversal.reason(),
                at, by));
    }

    public Reversal reversal() {
        return reversal;
    }

    public String id() {
        return id;
    }

    public Contribution.Target from() {
        return from;
    }

    public Contribution.Target to() {
        return to;
    }

    public BigDecimal amount() {
        return amount;
    }

    public LocalDate on() {
        return on;
    }

    public String approvalReference() {
        return approvalReference;
    }

    public String reason() {
        return reason;
    }
}
