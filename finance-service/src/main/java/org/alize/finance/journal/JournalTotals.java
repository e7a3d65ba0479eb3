package org.alize.finance.journal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Running totals of the journal, kept with each entry so that a balance is read from a bounded
 * number of small documents, never by summing the journal: one document per account and calendar year
 * ({@code 512100|2025}) holding the year's debits and credits, each month's and each day's, in cents.
 * A balance at a date adds the years before it, the months of its year before its month, and the days of
 * its month up to it: at most a few dozen documents, whatever the number of entries.
 *
 * <p>An entry is counted once: each document keeps the ids of the last entries it counted and an update
 * only applies if its entry is not among them, in the same atomic write. A journal written before these
 * totals existed (or whose totals were dropped) is counted from its entries on the first read.
 */
@Component
public class JournalTotals {

    static final String COLLECTION = "journal_totals";
    private static final String COMPLETE = "complete";
    private static final int REMEMBERED_ENTRIES = 64;

    private final MongoTemplate mongo;

    JournalTotals(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Counts {@code entry} in its accounts' totals, unless it already is; then marks it counted. */
    void count(JournalEntry entry) {
        Map<Account, long[]> perAccount = new EnumMap<>(Account.class);
        for (JournalEntry.Line line : entry.lines()) {
            long[] sums = perAccount.computeIfAbsent(line.account(), a -> new long[2]);
            sums[0] += cents(line.debit());
            sums[1] += cents(line.credit());
        }
        String month = String.format("%02d", entry.date().getMonthValue());
        String day = month + String.format("%02d", entry.date().getDayOfMonth());
        perAccount.forEach((account, sums) -> {
            Update update = new Update().set("account", account.name()).set("year", entry.date().getYear())
                    .inc("d", sums[0]).inc("c", sums[1])
                    .inc("m." + month + ".d", sums[0]).inc("m." + month + ".c", sums[1])
                    .inc("days." + day + ".d", sums[0]).inc("days." + day + ".c", sums[1]);
            update.push("counted").slice(-REMEMBERED_ENTRIES).each(entry.id());
            try {
                mongo.upsert(query(where("_id").is(account.number() + "|" + entry.date().getYear()).and("counted").ne(entry.id())),
                        update, COLLECTION);
            } catch (DuplicateKeyException alreadyCounted) {
                // the document exists and names this entry: counted before a crash or a redelivery
            }
        });
        mongo.updateFirst(query(where("_id").is(entry.id())), new Update().set("counted", true), JournalEntry.class);
    }

    /** Each account's debits, credits and balance at the end of {@code on} (everything if null). */
    Map<Account, JournalService.Balance> balances(LocalDate on) {
        ensureComplete();
        Map<Account, long[]> sums = new EnumMap<>(Account.class);
        List<Document> years = on == null ? mongo.find(query(where("year").exists(true)), Document.class, COLLECTION)
                : mongo.find(query(where("year").lte(on.getYear())), Document.class, COLLECTION);
        for (Document year : years) {
            long[] sum = sums.computeIfAbsent(Account.valueOf(year.getString("account")), a -> new long[2]);
            if (on == null || year.getInteger("year") < on.getYear()) {
                add(sum, year);
                continue;
            }
            Document months = year.get("m", Document.class);
            for (int m = 1; m < on.getMonthValue(); m++) {
                add(sum, months == null ? null : months.get(String.format("%02d", m), Document.class));
            }
            Document days = year.get("days", Document.class);
            String month = String.format("%02d", on.getMonthValue());
            for (int d = 1; d <= on.getDayOfMonth(); d++) {
                add(sum, days == null ? null : days.get(month + String.format("%02d", d), Document.class));
            }
        }
        Map<Account, JournalService.Balance> balances = new EnumMap<>(Account.class);
        sums.forEach((account, s) -> {
            if (s[0] != 0 || s[1] != 0) {
                BigDecimal debit = euros(s[0]);
                BigDecimal credit = euros(s[1]);
                balances.put(account, new JournalService.Balance(account.number(), account.label(), debit, credit,
                        debit.subtract(credit)));
            }
        });
        return balances;
    }

    /**
     * Counts, once, the entries the totals do not hold yet: all of them if there are no totals at all (written
     * before they existed, or dropped), else those not marked counted (a count cut by a crash).
     */
    private void ensureComplete() {
        if (mongo.exists(query(where("_id").is(COMPLETE)), COLLECTION)) {
            return;
        }
        boolean none = !mongo.exists(query(where("year").exists(true)), COLLECTION);
        org.springframework.data.mongodb.core.query.Query entries = none ? new org.springframework.data.mongodb.core.query.Query()
                : query(where("counted").ne(true));
        try (Stream<JournalEntry> uncounted = mongo.stream(entries.cursorBatchSize(500), JournalEntry.class)) {
            uncounted.forEach(this::count);
        }
        mongo.upsert(query(where("_id").is(COMPLETE)), new Update().set("since", java.time.Instant.now()), COLLECTION);
    }

    private static void add(long[] sum, Document totals) {
        if (totals != null) {
            sum[0] += ((Number) totals.getOrDefault("d", 0L)).longValue();
            sum[1] += ((Number) totals.getOrDefault("c", 0L)).longValue();
        }
    }

    private static long cents(BigDecimal euros) {
        return euros.movePointRight(2).longValueExact();
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
