package org.alize.finance.journal;

import java.util.List;
import java.util.Optional;

import org.alize.finance.events.AdvanceDisbursed;
import org.alize.finance.events.AdvanceWrittenOff;
import org.alize.finance.events.ContributionReceived;
import org.alize.finance.events.LossRecovered;
import org.alize.finance.events.OperatingExpenseRecorded;
import org.alize.finance.events.RepaymentReceived;
import org.alize.finance.events.RepaymentReversed;
import org.alize.finance.events.TransferRecorded;
import org.alize.finance.events.ValuedContributionRecorded;

import static org.alize.finance.journal.JournalEntry.Line.credit;
import static org.alize.finance.journal.JournalEntry.Line.debit;

/** How each finance event is posted: journal, date, label, reference and lines. Events that move no money post nothing. */
final class Postings {

    /** An entry before it gets its id and number. */
    record Posting(String journal, java.time.LocalDate date, String label, String pieceRef, List<JournalEntry.Line> lines) {
    }

    private Postings() {
    }

    static Optional<Posting> of(Object event) {
        if (event instanceof ContributionReceived c) {
            boolean fund = "ADVANCE_FUND".equals(c.account());
            return Optional.of(new Posting(fund ? "FA" : "FO", c.receivedOn(), "Contribution de " + c.partnerId(),
                    c.contributionId(), List.of(debit(fund ? Account.FUND_BANK : Account.OPERATING_BANK, null, c.amount()),
                            credit(fund ? Account.FUND_ENDOWMENT : Account.OPERATING_CONTRIBUTIONS, c.partnerId(), c.amount()))));
        }
        if (event instanceof ValuedContributionRecorded v) {
            Account use = "SKILLS".equals(v.kind()) ? Account.VALUED_SKILLS : Account.VALUED_IN_KIND;
            return Optional.of(new Posting("CN", v.providedOn(), "Contribution valorisée de " + v.partnerId(), v.contributionId(),
                    List.of(debit(use, null, v.value()), credit(Account.VALUED_CONTRIBUTIONS, v.partnerId(), v.value()))));
        }
        if (event instanceof AdvanceDisbursed d) {
            return Optional.of(new Posting("FA", d.paidOn(), "Versement de l'avance " + d.advanceId(), d.disbursementId(),
                    List.of(debit(Account.ADVANCES_RECEIVABLE, d.advanceId(), d.amount()), credit(Account.FUND_BANK, null, d.amount()))));
        }
        if (event instanceof RepaymentReceived r) {
            return Optional.of(new Posting("FA", r.paidOn(), "Remboursement de l'avance " + r.advanceId(), r.repaymentId(),
                    List.of(debit(Account.FUND_BANK, null, r.amount()), credit(Account.ADVANCES_RECEIVABLE, r.advanceId(), r.amount()))));
        }
        if (event instanceof RepaymentReversed r) {
            return Optional.of(new Posting("FA", r.reversedOn(), "Contre-passation du remboursement " + r.repaymentId() + " : "
                    + r.reason(), r.repaymentId(), List.of(debit(Account.ADVANCES_RECEIVABLE, r.advanceId(), r.amount()),
                    credit(Account.FUND_BANK, null, r.amount()))));
        }
        if (event instanceof AdvanceWrittenOff w) {
            return Optional.of(new Posting("FA", w.writtenOffOn(), "Passage en perte de l'avance " + w.advanceId() + " ("
                    + w.committeeReference() + ")", w.writeOffId(),
                    List.of(debit(Account.LOSSES, w.advanceId(), w.amount()), credit(Account.ADVANCES_RECEIVABLE, w.advanceId(), w.amount()))));
        }
        if (event instanceof LossRecovered l) {
            return Optional.of(new Posting("FA", l.receivedOn(), "Récupération sur l'avance " + l.advanceId(), l.recoveryId(),
                    List.of(debit(Account.FUND_BANK, null, l.amount()), credit(Account.RECOVERIES, l.advanceId(), l.amount()))));
        }
        if (event instanceof TransferRecorded t) {
            Account from = "ADVANCE_FUND".equals(t.fromAccount()) ? Account.FUND_BANK : Account.OPERATING_BANK;
            Account to = "ADVANCE_FUND".equals(t.toAccount()) ? Account.FUND_BANK : Account.OPERATING_BANK;
            return Optional.of(new Posting("OD", t.transferredOn(), "Virement interne (" + t.approvalReference() + ")",
                    t.transferId(), List.of(debit(to, null, t.amount()), credit(from, null, t.amount()))));
        }
        if (event instanceof OperatingExpenseRecorded e) {
            Account expense = switch (e.category()) {
                case "LOCAL_ENGINEERING" -> Account.LOCAL_ENGINEERING;
                case "OPERATOR_REIMBURSEMENT" -> Account.OPERATOR_REIMBURSEMENT;
                default -> Account.OTHER_EXPENSES;
            };
            return Optional.of(new Posting("FO", e.paidOn(), e.description(), e.expenseId(),
                    List.of(debit(expense, e.payee(), e.amount()), credit(Account.OPERATING_BANK, null, e.amount()))));
        }
        return Optional.empty();
    }
}
