package org.alize.finance.account;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.alize.finance.Money;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.problem.RuleViolation;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The cash of the basin's two accounts as the commands recorded it, and R-04's guard: money leaves an account
 * (a disbursement, a transfer, an operating expense) only if the account keeps a balance of zero or more.
 *
 * <p>The balance is read from the records themselves (contributions, transfers, expenses, the advances'
 * movements; a reversed one counts for nothing), not from the journal, which follows them a moment later through the topic: a disbursement right
 * after a contribution must see it. Outflows of one basin run one at a time, so two of them cannot both spend
 * the same euros; the lock is this instance's, which holds while finance-service runs as one instance per
 * deployment, as the compose file does.
 */
@Component
public class Treasury {

    private static final int STRIPES = 64;

    private final MongoTemplate mongo;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    Treasury(MongoTemplate mongo) {
        this.mongo = mongo;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Records an outflow of {@code amount} from {@code account} with {@code write}, once no other outflow of the
     * basin is running and if the account can afford it; else refuses it under R-04 and writes nothing.
     */
    public <T> T payOut(Contribution.Target account, BigDecimal amount, String what, Supplier<T> write) {
        ReentrantLock lock = locks[Math.floorMod(BasinContext.require().value().hashCode(), STRIPES)];
        lock.lock();
        try {
            BigDecimal available = balance(account);
            if (amount != null && amount.signum() > 0 && available.compareTo(amount) < 0) {
                throw new RuleViolation("R-04", label(account) + " n'a que " + available.toPlainString() + " € : " + what + " de "
                        + amount.toPlainString() + " € le rendrait négatif. Enregistrez d'abord les contributions reçues ou "
                        + "un virement approuvé.");
            }
            return write.get();
        } finally {
            lock.unlock();
        }
    }

    /** The account's balance now: every recorded movement in and out, whatever its date. */
    public BigDecimal balance(Contribution.Target account) {
        BigDecimal balance = Money.ZERO;
        for (Document c : all("contributions", "kind", "account", "amount", "reversal")) {
            if ("CASH".equals(c.getString("kind")) && account.name().equals(c.getString("account")) && c.get("reversal") == null) {
                balance = balance.add(amount(c.get("amount")));
            }
        }
        for (Document t : all("transfers", "from", "to", "amount", "reversal")) {
            if (t.get("reversal") != null) {
                continue;
            }
            if (account.name().equals(t.getString("to"))) {
                balance = balance.add(amount(t.get("amount")));
            } else if (account.name().equals(t.getString("from"))) {
                balance = balance.subtract(amount(t.get("amount")));
            }
        }
        if (account == Contribution.Target.OPERATING_ACCOUNT) {
            for (Document year : all("operating_years", "expenses")) {
                for (Document expense : list(year.get("expenses"))) {
                    if (expense.get("reversal") == null) {
                        balance = balance.subtract(amount(expense.get("amount")));
                    }
                }
            }
        } else {
            for (Document advance : all("advances", "disbursements", "repayments", "recoveries")) {
                for (Document m : list(advance.get("disbursements"))) {
                    balance = balance.subtract(amount(m.get("amount")));
                }
                for (Document r : list(advance.get("repayments"))) {
                    if (r.get("reversal") == null) {
                        balance = balance.add(amount(r.get("amount")));
                    }
                }
                for (Document m : list(advance.get("recoveries"))) {
                    balance = balance.add(amount(m.get("amount")));
                }
            }
        }
        return balance;
    }

    private static String label(Contribution.Target account) {
        return account == Contribution.Target.ADVANCE_FUND ? "Le fonds d'avances" : "Le compte de fonctionnement";
    }

    private List<Document> all(String collection, String... fields) {
        Query query = new Query();
        query.fields().include(fields);
        return mongo.find(query, Document.class, collection);
    }

    @SuppressWarnings("unchecked")
    private static List<Document> list(Object value) {
        return value instanceof List<?> list ? (List<Document>) list : List.of();
    }

    private static BigDecimal amount(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        return new BigDecimal(value.toString());
    }
}
