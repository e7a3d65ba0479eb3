package org.alize.finance.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alize.finance.events.MovementReversed;
import org.alize.finance.events.OperatingExpenseRecorded;
import org.alize.kernel.Money;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.kernel.problem.RuleViolation;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.Ids;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One calendar year of the operating account's expenses, in one document so that the operator's
 * reimbursement cap (R-14: 10 000 € a year, money and valued skills together) is checked atomically.
 */
@Document("operating_years")
public class OperatingYear extends AggregateRoot {

    public enum Category {
        LOCAL_ENGINEERING, OPERATOR_REIMBURSEMENT, OTHER
    }

    /** @param reversal how it was undone if it was recorded by mistake; a reversed expense counts for nothing */
    public record Expense(String id, Category category, BigDecimal amount, LocalDate paidOn, String description, String payee,
            String payeeOrganisationId, Instant recordedAt, String recordedBy, Reversal reversal) {

        public boolean reversed() {
            return reversal != null;
        }
    }

    @Id
    private final String id;
    private final int year;
    private final List<Expense> expenses;

    @PersistenceCreator
    OperatingYear(String id, int year, List<Expense> expenses) {
        this.id = id;
        this.year = year;
        this.expenses = expenses == null ? new ArrayList<>() : new ArrayList<>(expenses);
    }

    public static String idFor(int year) {
        return "opex-" + year;
    }

    public static OperatingYear of(BasinId basin, int year) {
        OperatingYear created = new OperatingYear(idFor(year), year, List.of());
        created.belongsTo(basin);
        return created;
    }

    /**
     * Records an expense. The operator's reimbursement stays within what {@code allowance} leaves for its
     * convention year.
     */
    public Expense record(Category category, BigDecimal amount, LocalDate paidOn, String description, String payee,
            ReimbursementAllowance allowance, LocalDate today, Instant at, String by) {
        return record(category, amount, paidOn, description, payee, null, allowance, today, at, by);
    }

    /**
     * Records an expense paid to {@code payee} (an organisation of the basin when {@code payeeOrganisationId} is
     * given). Whatever its category, money paid to the local operator is its reimbursement: the operator is not paid
     * for its mission, only defrayed within the cap and budget of the convention year.
     */
    public Expense record(Category category, BigDecimal amount, LocalDate paidOn, String description, String payee,
            String payeeOrganisationId, ReimbursementAllowance allowance, LocalDate today, Instant at, String by) {
        BigDecimal paid = Money.positive(amount, "amount");
        if (category == null) {
            throw InvalidInput.field("category", "obligatoire");
        }
        if (paidOn == null || paidOn.getYear() != year || paidOn.isAfter(today)) {
            throw InvalidInput.field("paidOn", "une date passée de l'année " + year);
        }
        if (description == null || description.isBlank()) {
            throw InvalidInput.field("description", "décrivez la dépense");
        }
        if (category == Category.OPERATOR_REIMBURSEMENT) {
            allowance.check(paid);
        } else if (allowance != null && allowance.paysOperator(payeeOrganisationId, payee)) {
            try {
                allowance.check(paid);
            } catch (RuleViolation e) {
                throw new RuleViolation("R-14", "L'opérateur local n'est pas rétribué pour sa mission : une dépense qui lui est "
                        + "payée est un remboursement. " + e.detail());
            }
        }
        Expense expense = new Expense(Ids.next("opx"), category, paid, paidOn, description.strip(), payee, payeeOrganisationId, at,
                by, null);
        expenses.add(expense);
        raise(new OperatingExpenseRecorded(basin().value(), expense.id(), category.name(), paid, paidOn,
                expense.description(), payee, at, by));
        return expense;
    }

    /** Undoes an expense recorded by mistake by a new movement of {@code on}; it stays on record. */
    public Expense reverse(String expenseId, String reversalId, LocalDate on, String reason, LocalDate today, Instant at,
            String by) {
        for (int i = 0; i < expenses.size(); i++) {
            Expense expense = expenses.get(i);
            if (expense.id().equals(expenseId)) {
                Reversal reversal = Reversal.of(reversalId, expense.reversal(), expense.paidOn(), on, reason, today, at, by);
                Expense reversed = new Expense(expense.id(), expense.category(), expense.amount(), expense.paidOn(),
                        expense.description(), expense.payee(), expense.payeeOrganisationId(), expense.recordedAt(),
                        expense.recordedBy(), reversal);
                expenses.set(i, reversed);
                raise(new MovementReversed(basin().value(), reversalId, expenseId, "OPERATING_EXPENSE",
                        expense.amount(), on, reversal.reason(), at, by));
                return reversed;
            }
        }
        throw new NotFound("expense.not-found", "Aucune dépense « " + expenseId + " » en " + year + ".");
    }

    public BigDecimal reimbursed() {
        return total(Category.OPERATOR_REIMBURSEMENT);
    }

    public BigDecimal total(Category category) {
        return expenses.stream().filter(e -> e.category() == category && !e.reversed()).map(Expense::amount)
                .reduce(Money.ZERO, BigDecimal::add);
    }

    public int year() {
        return year;
    }

    public List<Expense> expenses() {
        return List.copyOf(expenses);
    }
}
