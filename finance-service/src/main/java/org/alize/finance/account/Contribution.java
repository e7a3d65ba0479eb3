package org.alize.finance.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.alize.finance.events.ContributionReceived;
import org.alize.finance.events.MovementReversed;
import org.alize.finance.events.ValuedContributionRecorded;
import org.alize.kernel.Money;
import org.alize.kernel.problem.InvalidInput;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A partner's contribution: cash into one of the two accounts, or skills and in kind valued without moving cash. */
@Document("contributions")
public class Contribution extends AggregateRoot {

    public enum Kind {
        CASH, SKILLS, IN_KIND
    }

    public enum Target {
        ADVANCE_FUND, OPERATING_ACCOUNT
    }

    @Id
    private final String id;
    private final String partnerId;
    private final String partnerName;
    private final String resourceCategory;
    private final Kind kind;
    private final Target account;
    private final BigDecimal amount;
    private final LocalDate on;
    private final String description;
    private final Instant recordedAt;
    private final String recordedBy;
    private Reversal reversal;
    /** Skills or help in kind put at the local operator's disposal: its defrayal in kind. */
    private boolean forOperator;

    Contribution(String id, String partnerId, String partnerName, String resourceCategory, Kind kind, Target account,
            BigDecimal amount, LocalDate on, String description, Instant recordedAt, String recordedBy) {
        this(id, partnerId, partnerName, resourceCategory, kind, account, amount, on, description, recordedAt, recordedBy,
                null);
    }

    @PersistenceCreator
    Contribution(String id, String partnerId, String partnerName, String resourceCategory, Kind kind, Target account,
            BigDecimal amount, LocalDate on, String description, Instant recordedAt, String recordedBy, Reversal reversal) {
        this.reversal = reversal;
        this.id = id;
        this.partnerId = partnerId;
        this.partnerName = partnerName;
        this.resourceCategory = resourceCategory;
        this.kind = kind;
        this.account = account;
        this.amount = amount;
        this.on = on;
        this.description = description;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public static Contribution record(BasinId basin, String id, Pledges.Pledge pledge, Kind kind, Target account,
            BigDecimal amount, LocalDate on, String description, LocalDate today, Instant at, String by) {
        return record(basin, id, pledge, kind, account, amount, on, description, false, today, at, by);
    }

    /**
     * Records a partner's contribution; skills or help in kind {@code forOperator} are the operator's defrayal in kind,
     * which the caller has checked against the operator's allowance for the convention year.
     */
    public static Contribution record(BasinId basin, String id, Pledges.Pledge pledge, Kind kind, Target account,
            BigDecimal amount, LocalDate on, String description, boolean forOperator, LocalDate today, Instant at, String by) {
        BigDecimal value = Money.positive(amount, "amount");
        if (on == null || on.isAfter(today)) {
            throw InvalidInput.field("on", "la date est obligatoire et ne peut être future");
        }
        if (kind == Kind.CASH && account == null) {
            throw InvalidInput.field("account", "précisez le compte crédité : fonds d'avances ou compte de fonctionnement");
        }
        Contribution contribution = new Contribution(id, pledge.organisationId(), pledge.organisationName(),
                pledge.resourceCategory(), kind, kind == Kind.CASH ? account : null, value, on, description, at, by);
        if (forOperator && kind == Kind.CASH) {
            throw InvalidInput.field("forOperator", "seuls des compétences ou des apports en nature sont mis à la disposition "
                    + "de l'opérateur ; un remboursement en argent est une dépense de fonctionnement");
        }
        contribution.forOperator = forOperator;
        contribution.belongsTo(basin);
        if (kind == Kind.CASH) {
            contribution.raise(new ContributionReceived(id, basin.value(), pledge.organisationId(), pledge.resourceCategory(),
                    account.name(), value, on, at, by));
        } else {
            contribution.raise(new ValuedContributionRecorded(id, basin.value(), pledge.organisationId(), pledge.resourceCategory(),
                    kind.name(), value, on, description, forOperator, at, by));
        }
        return contribution;
    }

    /** Undoes a contribution recorded by mistake by a new movement of {@code on}; it stays on record. */
    public void reverse(String reversalId, LocalDate on, String reason, LocalDate today, Instant at, String by) {
        this.reversal = Reversal.of(reversalId, reversal, this.on, on, reason, today, at, by);
        raise(new MovementReversed(basin().value(), reversalId, id, "CONTRIBUTION", amount, on,
                reversal.reason(), at, by));
    }

    public Reversal reversal() {
        return reversal;
    }

    public boolean forOperator() {
        return forOperator;
    }

    public String id() {
        return id;
    }

    public String partnerId() {
        return partnerId;
    }

    public String partnerName() {
        return partnerName;
    }

    public String resourceCategory() {
        return resourceCategory;
    }

    public Kind kind() {
        return kind;
    }

    public Target account() {
        return account;
    }

    public BigDecimal amount() {
        return amount;
    }

    public LocalDate on() {
        return on;
    }

    public String description() {
        return description;
    }
}
