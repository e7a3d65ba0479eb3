package org.alize.finance.journal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.alize.finance.advance.Advance;
import org.alize.finance.advance.AdvancePosition;
import org.alize.finance.advance.AdvanceService;
import org.alize.kernel.Csv;
import org.alize.kernel.Money;
import org.alize.tenancy.web.Paged;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Balances as sums over the journal, the reconciliation with the advances, and the exports. */
@Service
public class JournalService {

    private static final DateTimeFormatter FEC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoTemplate mongo;
    private final AdvanceService advances;
    private final JournalTotals totals;

    JournalService(MongoTemplate mongo, AdvanceService advances, JournalTotals totals) {
        this.mongo = mongo;
        this.advances = advances;
        this.totals = totals;
    }

    public List<JournalEntry> entries(LocalDate from, LocalDate to) {
        return mongo.find(new Query(between(from, to)).with(Sort.by("number")), JournalEntry.class);
    }

    /** One page of the entries between two dates, by number: only that page is read. */
    public Paged<JournalEntry> page(LocalDate from, LocalDate to, int page, int size, boolean newestFirst) {
        return Paged.query(mongo, new Query(between(from, to)).with(Sort.by(newestFirst ? Sort.Direction.DESC
                : Sort.Direction.ASC, "number")), JournalEntry.class, page, size, entry -> entry);
    }

    private static Criteria between(LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            return Criteria.where("date").gte(from).lte(to);
        } else if (from != null) {
            return Criteria.where("date").gte(from);
        } else if (to != null) {
            return Criteria.where("date").lte(to);
        }
        return new Criteria();
    }

    /**
     * The balance of each account: debits minus credits of every entry up to {@code on} (all if null), read from
     * the running totals kept with each entry ({@link JournalTotals}), not by summing the journal.
     */
    public Map<Account, Balance> balances(LocalDate on) {
        return totals.balances(on);
    }

    public BigDecimal balanceOf(Account account) {
        Balance balance = balances(null).get(account);
        return balance == null ? Money.ZERO : balance.balance();
    }

    /** One account's totals and balance (debit minus credit). */
    public record Balance(String number, String label, BigDecimal debit, BigDecimal credit, BigDecimal balance) {
    }

    public LocalDate today() {
        return advances.today();
    }

    /**
     * Compares each advance's outstanding at the end of {@code asOf} with its account 274100 in the journal's
     * entries dated that day or before, and each account's running total with the sum of those entries; reports
     * every difference. One pass over the entries, read from a cursor.
     */
    public Reconciliation reconcile(LocalDate asOf) {
        Map<String, BigDecimal> journal = new java.util.HashMap<>();
        Map<Account, BigDecimal> summed = new EnumMap<>(Account.class);
        try (Stream<JournalEntry> entries = stream(null, asOf)) {
            entries.forEach(entry -> {
                for (JournalEntry.Line line : entry.lines()) {
                    BigDecimal movement = line.debit().subtract(line.credit());
                    summed.merge(line.account(), movement, BigDecimal::add);
                    if (line.account() == Account.ADVANCES_RECEIVABLE) {
                        journal.merge(line.auxiliary(), movement, BigDecimal::add);
                    }
                }
            });
        }
        List<Reconciliation.Difference> differences = new ArrayList<>();
        BigDecimal outstanding = Money.ZERO;
        for (Advance advance : advances.all()) {
            BigDecimal owed = AdvancePosition.of(advance, asOf).outstanding();
            outstanding = outstanding.add(owed);
            BigDecimal inJournal = journal.getOrDefault(advance.id(), Money.ZERO);
            if (inJournal.compareTo(owed) != 0) {
                differences.add(new Reconciliation.Difference(advance.id(), advance.projectReference(), owed, inJournal));
            }
            journal.remove(advance.id());
        }
        journal.forEach((advanceId, amount) -> {
            if (amount.signum() != 0) {
                differences.add(new Reconciliation.Difference(advanceId, null, Money.ZERO, amount));
            }
        });
        Map<Account, Balance> kept = balances(asOf);
        List<Reconciliation.TotalDifference> totals = new ArrayList<>();
        for (Account account : Account.values()) {
            BigDecimal perTotals = kept.containsKey(account) ? kept.get(account).balance() : Money.ZERO;
            BigDecimal perJournal = summed.getOrDefault(account, Money.ZERO);
            if (perTotals.compareTo(perJournal) != 0) {
                totals.add(new Reconciliation.TotalDifference(account.number(), perTotals, perJournal));
            }
        }
        Balance receivable = kept.get(Account.ADVANCES_RECEIVABLE);
        return new Reconciliation(asOf, outstanding, receivable == null ? Money.ZERO : receivable.balance(), differences, totals);
    }

    /**
     * Outstanding advances per the advances and per the journal, {@code differences} empty when they agree; and
     * each account's running total against the sum of its entries, {@code totalDifferences} empty when they agree.
     */
    public record Reconciliation(LocalDate on, BigDecimal outstandingPerAdvances, BigDecimal outstandingPerJournal,
            List<Difference> differences, List<TotalDifference> totalDifferences) {

        public boolean balanced() {
            return differences.isEmpty() && totalDifferences.isEmpty();
        }

        public record TotalDifference(String account, BigDecimal perRunningTotal, BigDecimal perEntries) {
        }

        public record Difference(String advanceId, String projectReference, BigDecimal perAdvance, BigDecimal perJournal) {
        }
    }

    /**
     * The French standard accounting file (fichier des écritures comptables): one line per entry line, tab
     * separated, dates as yyyyMMdd, amounts with a decimal comma, the 18 columns of the administration's order.
     */
    public void fec(LocalDate from, LocalDate to, Appendable out) throws IOException {
        out.append("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\t"
                + "CompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\t"
                + "Montantdevise\tIdevise\r\n");
        try (Stream<JournalEntry> entries = stream(from, to)) {
            for (JournalEntry entry : (Iterable<JournalEntry>) entries::iterator) {
                for (JournalEntry.Line line : entry.lines()) {
                    String date = FEC_DATE.format(entry.date());
                    out.append(String.join("\t", entry.journal(), journalLabel(entry.journal()), String.valueOf(entry.number()),
                            date, line.account().number(), line.account().label(), nullToEmpty(line.auxiliary()),
                            nullToEmpty(line.auxiliary()), nullToEmpty(entry.pieceRef()), date, clean(entry.label()),
                            comma(line.debit()), comma(line.credit()), "", "", date, "", "")).append("\r\n");
                }
            }
        }
    }

    /** The journal as CSV ({@link Csv}: what French spreadsheets read), one row per entry line. */
    public void csv(LocalDate from, LocalDate to, Appendable out) {
        Csv csv = Csv.on(out).row("numero", "journal", "date", "compte", "libelle_compte", "auxiliaire", "piece", "libelle",
                "debit", "credit");
        try (Stream<JournalEntry> entries = stream(from, to)) {
            for (JournalEntry entry : (Iterable<JournalEntry>) entries::iterator) {
                for (JournalEntry.Line line : entry.lines()) {
                    csv.row(entry.number(), entry.journal(), entry.date(), line.account().number(), line.account().label(),
                            line.auxiliary(), entry.pieceRef(), entry.label(), line.debit().setScale(2), line.credit().setScale(2));
                }
            }
        }
    }

    /** The entries between two dates by number, read from a cursor as they are written out, never held all at once. */
    private Stream<JournalEntry> stream(LocalDate from, LocalDate to) {
        return mongo.stream(new Query(between(from, to)).with(Sort.by("number")).cursorBatchSize(500), JournalEntry.class);
    }

    private static String journalLabel(String code) {
        return switch (code) {
            case "FA" -> "Fonds d'avances";
            case "FO" -> "Compte de fonctionnement";
            case "CN" -> "Contributions en nature";
            default -> "Opérations diverses";
        };
    }

    private static String comma(BigDecimal amount) {
        return amount.setScale(2).toPlainString().replace('.', ',');
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
