package org.alize.finance.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.alize.kernel.Money;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.BasinContext;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The cash of the basin's two accounts as the commands recorded it, and R-04's guard: money leaves an account
 * (a disbursement, a transfer, an operating expense) only if the account keeps a balance of zero or more.
 *
 * <p>The balance is read from the records themselves (contributions, transfers, expenses, the advances'
 * movements; a reversed one counts for nothing), not from the journal, which follows them a moment later
 * through the topic: a disbursement right after a contribution must see it.
 *
 * <p>Outflows of one basin run one at a time across every instance of finance-service: each takes the basin's
 * lease, a document of its database ({@code treasury}, one conditional upsert; held {@link #LEASE} at most, so a
 * crashed holder frees it), after a lock of this instance so its own requests queue without polling. Reading
 * every record of the basin for each outflow would cost a pass over its whole history, so the lease document
 * also keeps each account's figure, never above the true balance:
 * <ul>
 * <li>an outflow lowers it before its record is written (a crash in between leaves it lower, the safe side), and
 * a decrease that cannot be refused (a bounced cheque, {@link #takeBack}) drops it, both under the lease;</li>
 * <li>an inflow raises it once its record is written ({@link #receive}), but only a figure read from the records
 * before that inflow existed: the inflow takes a ticket (a counter of the document) before writing, a figure
 * read from the records carries the counter as it was after the read, and the inflow adds only to a figure
 * whose ticket is older than its own. An inflow the figure may already hold is never counted twice; one it
 * missed only leaves it lower.</li>
 * </ul>
 * An outflow the figure covers is decided on it at once; one it does not cover reads the records again before
 * refusing, so a refusal is always on the true balance. A basin whose lease stays held longer than
 * {@link #WAIT} (a holder that died) answers 503: the same idempotency key may be sent again.
 */
@Component
public class Treasury {

    static final String COLLECTION = "treasury";
    static final String CASH = "cash";
    /** Long enough for any outflow's few writes, short enough that a crashed holder does not stop a basin long. */
    static final Duration LEASE = Duration.ofSeconds(10);
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final int STRIPES = 64;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String instance;
    private final Duration wait;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final AtomicLong leases = new AtomicLong();

    @Autowired
    Treasury(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, instanceName(), WAIT);
    }

    Treasury(MongoTemplate mongo, Clock clock, String instance, Duration wait) {
        this.mongo = mongo;
        this.clock = clock;
        this.instance = instance;
        this.wait = wait;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The treasury is busy elsewhere longer than a request should wait: the caller may try again (503). */
    public static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    /**
     * Records an outflow of {@code amount} from {@code account} with {@code write}, once no other outflow of the
     * basin is running on any instance and if the account can afford it; else refuses it under R-04 and writes
     * nothing.
     */
    public <T> T payOut(Contribution.Target account, BigDecimal amount, String what, Supplier<T> write) {
        return underLease(lease -> {
            boolean outflow = amount != null && amount.signum() > 0;
            Figure figure = Figure.of(lease, account);
            if (figure == null || (outflow && figure.euros().compareTo(amount) < 0)) {
                figure = fromRecords(account); // not known, or not enough on the safe figure: the records decide
            }
            if (outflow && figure.euros().compareTo(amount) < 0) {
                keep(lease, account, figure);
                throw new RuleViolation("R-04", label(account) + " n'a que " + figure.euros().toPlainString() + " € : " + what
                        + " de " + amount.toPlainString() + " € le rendrait négatif. Enregistrez d'abord les contributions "
                        + "reçues ou un virement approuvé.");
            }
            keep(lease, account, outflow ? figure.minus(amount) : figure);
            return write.get();
        });
    }

    /**
     * Records money leaving {@code account} that cannot be refused (a repayment reversed: the cheque bounced) with
     * {@code write}: the figure kept is dropped first, and the next outflow reads the records.
     */
    public <T> T takeBack(Contribution.Target account, Supplier<T> write) {
        return underLease(lease -> {
            if (mongo.updateFirst(query(where("_id").is(CASH).and("holder").is(lease.getString("holder"))),
                    new Update().unset("figures." + account.name()), COLLECTION).getMatchedCount() == 0) {
                throw new Busy("treasury lease lost");
            }
            return write.get();
        });
    }

    /** Records money coming into {@code account} with {@code write}, and raises the figure kept if it predates it. */
    public <T> T receive(Contribution.Target account, BigDecimal amount, Supplier<T> write) {
        if (amount == null || amount.signum() <= 0) {
            return write.get();
        }
        Document counted = mongo.findAndModify(query(where("_id").is(CASH)),
                new Update().inc("seq", 1L).setOnInsert("until", new Date(0)),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        long ticket = ((Number) counted.get("seq")).longValue();
        T written = write.get();
        mongo.updateFirst(query(where("_id").is(CASH).and("figures." + account.name() + ".ticket").lt(ticket)),
                new Update().inc("figures." + account.name() + ".cents", Figure.cents(amount)), COLLECTION);
        return written;
    }

    private <T> T underLease(Function<Document, T> work) {
        ReentrantLock lock = locks[Math.floorMod(BasinContext.require().value().hashCode(), STRIPES)];
        lock.lock();
        try {
            Document lease = acquire();
            try {
                return work.apply(lease);
            } finally {
                mongo.updateFirst(query(where("_id").is(CASH).and("holder").is(lease.getString("holder"))),
                        new Update().set("holder", null).set("until", new Date(0)), COLLECTION);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The basin's lease, once no other instance holds it (the document as it is then); {@link Busy} after the wait. */
    Document acquire() {
        String holder = instance + "#" + leases.incrementAndGet();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Instant now = clock.instant();
            try {
                Document lease = mongo.findAndModify(query(where("_id").is(CASH).and("until").lte(Date.from(now))),
                        new Update().set("holder", holder).set("until", Date.from(now.plus(LEASE))),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
                if (lease != null && holder.equals(lease.getString("holder"))) {
                    return lease;
                }
            } catch (DuplicateKeyException held) {
                // held by another instance: the upsert tried to insert a second document
            }
            if (System.nanoTime() > deadline) {
                throw new Busy("the treasury of basin " + BasinContext.require() + " is held by another instance");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy("interrupted while waiting for the treasury");
            }
        }
    }

    /** Sets the figure kept for {@code account}, if this instance still holds the lease; else nothing is written. */
    private void keep(Document lease, Contribution.Target account, Figure figure) {
        if (mongo.updateFirst(query(where("_id").is(CASH).and("holder").is(lease.getString("holder"))),
                new Update().set("figures." + account.name(), new Document("cents", figure.cents()).append("ticket", figure.ticket())),
                COLLECTION).getMatchedCount() == 0) {
            throw new Busy("treasury lease lost");
        }
    }

    /** The balance from the records, with the inflow counter read after them (see the class comment). */
    private Figure fromRecords(Contribution.Target account) {
        BigDecimal balance = balance(account);
        Document counter = mongo.findById(CASH, Document.class, COLLECTION);
        Object seq = counter == null ? null : counter.get("seq");
        return new Figure(Figure.cents(balance), seq == null ? 0 : ((Number) seq).longValue());
    }

    /** An account's figure in cents, never above the true balance, and the inflow ticket it was read at. */
    record Figure(long cents, long ticket) {

        static Figure of(Document lease, Contribution.Target account) {
            Document figures = lease.get("figures", Document.class);
            Document figure = figures == null ? null : figures.get(account.name(), Document.class);
            return figure == null ? null
                    : new Figure(((Number) figure.get("cents")).longValue(), ((Number) figure.get("ticket")).longValue());
        }

        static long cents(BigDecimal euros) {
            return euros.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        }

        BigDecimal euros() {
            return BigDecimal.valueOf(cents, 2);
        }

        Figure minus(BigDecimal euros) {
            return new Figure(cents - cents(euros), ticket);
        }
    }

    private static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
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
