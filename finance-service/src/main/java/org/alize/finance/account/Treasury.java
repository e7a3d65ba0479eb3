package org.alize.finance.account;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.alize.kernel.Money;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.BasinContext;
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
 *
 * <p>Reading every record of the basin for each outflow cost a pass over its whole history. Each account's
 * balance is therefore kept in memory once read, as a figure that is never above the true one: an outflow
 * lowers it when it is written, an inflow raises it once written ({@link #received}; one that did not would
 * only leave the figure lower, on the safe side), and a decrease made elsewhere ({@link #forget}) drops it. An outflow it covers is decided on it at once; one it
 * does not cover reads the records again before refusing, so a refusal is always on the true balance. A
 * restart starts from the records.
 */
@Component
public class Treasury {

    private static final int STRIPES = 64;

    private final MongoTemplate mongo;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    /** Per basin and account: a balance never above the true one (see the class comment). */
    private final Map<String, BigDecimal> atLeast = new ConcurrentHashMap<>();

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
        ReentrantLock lock = lockOfBasin();
        lock.lock();
        try {
            String key = key(account);
            boolean outflow = amount != null && amount.signum() > 0;
            BigDecimal available = atLeast.get(key);
            if (available == null || (outflow && available.compareTo(amount) < 0)) {
                available = balance(account); // not known, or not enough on the safe figure: the records decide
                atLeast.put(key, available);
            }
            if (outflow && available.compareTo(amount) < 0) {
                throw new RuleViolation("R-04", label(account) + " n'a que " + available.toPlainString() + " € : " + what + " de "
                        + amount.toPlainString() + " € le rendrait négatif. Enregistrez d'abord les contributions reçues ou "
                        + "un virement approuvé.");
            }
            T written = write.get();
            if (outflow) {
                atLeast.put(key, available.subtract(amount));
            }
            return written;
        } finally {
            lock.unlock();
        }
    }

    /** Raises the balance kept for {@code account} by money just written into it (a contribution, a repayment…). */
    public void received(Contribution.Target account, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            return;
        }
        ReentrantLock lock = lockOfBasin();
        lock.lock();
        try {
            atLeast.computeIfPresent(key(account), (k, known) -> known.add(amount));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the balance kept for {@code account} after money left it other than through {@link #payOut} (a
     * repayment reversed: the cheque bounced); the next outflow reads the records. Call it once the change is written.
     */
    public void forget(Contribution.Target account) {
        ReentrantLock lock = lockOfBasin();
        lock.lock();
        try {
            atLeast.remove(key(account));
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lockOfBasin() {
        return locks[Math.floorMod(BasinContext.require().value().hashCode(), STRIPES)];
    }

    private static String key(Contribution.Target account) {
        return BasinContext.require().value() + "|" + account.name();
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
