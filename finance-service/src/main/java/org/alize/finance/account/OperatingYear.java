package org.alize.finance.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alize.finance.Ids;
import org.alize.finance.Money;
import org.alize.finance.events.OperatingExpenseRecorded;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.problem.InvalidInput;
import org.alize.tenancy.problem.RuleViolation;
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

    public record Expense(String id, Category category, BigDecimal amount, LocalDate paidOn, String description, String payee,
            Instant recordedAt, String recordedBy) {
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

    public static OperatingYear of(int year) {
        return new OperatingYear(idFor(year), year, List.of());
    }

    /**
     * Records an expense. The operator's reimbursement stays within what {@code allowance} leaves for its
     * convention year.
     */
    public Expense record(Category category, BigDecimal amount, LocalDate paidOn, String description, String payee,
            ReimbursementAllowance allowance, LocalDate today, Instant at, String by) {
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
        }
        Expense expense = new Expense(Ids.next("opx"), category, paid, paidOn, description.strip(), payee, at, by);
        expenses.add(expense);
        raise(new OperatingExpenseRecorded(BasinContext.require().value(), expense.id(), category.name(), paid, paidOn,
                expense.description(), payee, at, by));
        return expense;
    }

    public BigDecimal reimbursed() {
        return total(Category.OPERATOR_REIMBURSEMENT);
    }

    public BigDecimal total(Category category) {
        return expenses.stream().filter(e -> e.category() == category).map(Expense::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    public int year() {
        return year;
    }

    public List<Expense> expenses() {
        return List.copyOf(expenses);
    }
}
