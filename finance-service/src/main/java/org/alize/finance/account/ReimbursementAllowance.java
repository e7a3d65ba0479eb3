package org.alize.finance.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

import org.alize.kernel.Money;
import org.alize.kernel.ProgrammeReferences;
import org.alize.kernel.problem.RuleViolation;

/**
 * What the operator may still be reimbursed in the convention year of a date: at most 10 000 € a year and at
 * most what the signed convention budgets for that year, with all partners' agreement, which the budget shows. The
 * year is the convention's — from its start date to the day before the anniversary — so a convention from 1 July
 * counts its reimbursements from July to June, across two calendar years.
 *
 * @param conventionYear 1, 2 or 3; 0 when no signed convention covers the date
 * @param from           the first day of that convention year
 * @param to             its last day
 * @param budgeted       what the convention budgets for it (0 when none)
 * @param reimbursed     what the operator has already been reimbursed in it
 */
public record ReimbursementAllowance(int conventionYear, LocalDate from, LocalDate to, BigDecimal budgeted,
        BigDecimal reimbursed, Pledges convention) {


    public ReimbursementAllowance(int conventionYear, LocalDate from, LocalDate to, BigDecimal budgeted, BigDecimal reimbursed) {
        this(conventionYear, from, to, budgeted, reimbursed, null);
    }

    /** Whether an expense's payee is the local operator, whose every payment is a reimbursement. */
    boolean paysOperator(String payeeOrganisationId, String payee) {
        return convention != null && convention.isOperator(payeeOrganisationId, payee);
    }

    /** The convention year of {@code date} in {@code convention}, with the reimbursements already in {@code years}. */
    public static ReimbursementAllowance of(Optional<Pledges> convention, LocalDate date, Collection<OperatingYear> years) {
        return of(convention, date, years, java.util.List.of());
    }

    /**
     * The convention year of {@code date}, with the reimbursements already paid in {@code years} and the skills or help
     * in kind partners put at the operator's disposal ({@code inKind}): money and valued skills count together.
     */
    public static ReimbursementAllowance of(Optional<Pledges> convention, LocalDate date, Collection<OperatingYear> years,
            Collection<Contribution> inKind) {
        if (convention.isEmpty() || !convention.get().covers(date)) {
            return new ReimbursementAllowance(0, date, date, Money.ZERO, Money.ZERO);
        }
        Pledges c = convention.get();
        int n = c.conventionYearOf(date);
        LocalDate from = c.startsOn().plusYears(n - 1L);
        LocalDate to = c.startsOn().plusYears(n).minusDays(1);
        BigDecimal reimbursed = years.stream().flatMap(y -> y.expenses().stream())
                .filter(e -> !e.reversed() && (e.category() == OperatingYear.Category.OPERATOR_REIMBURSEMENT
                        || c.isOperator(e.payeeOrganisationId(), e.payee())))
                .filter(e -> !e.paidOn().isBefore(from) && !e.paidOn().isAfter(to))
                .map(OperatingYear.Expense::amount).reduce(Money.ZERO, BigDecimal::add)
                .add(inKind.stream().filter(k -> k.forOperator() && k.reversal() == null)
                        .filter(k -> !k.on().isBefore(from) && !k.on().isAfter(to))
                        .map(Contribution::amount).reduce(Money.ZERO, BigDecimal::add));
        return new ReimbursementAllowance(n, from, to, c.reimbursementBudgetedFor(date), reimbursed, c);
    }

    /** The calendar years a convention year spans: the operating years to read. */
    public static int[] calendarYears(Optional<Pledges> convention, LocalDate date) {
        ReimbursementAllowance span = of(convention, date, java.util.List.of());
        return span.conventionYear() == 0 ? new int[] {date.getYear()}
                : java.util.stream.IntStream.rangeClosed(span.from().getYear(), span.to().getYear()).toArray();
    }

    /** Refuses a reimbursement of {@code paid} beyond the budget of the year or the 10 000 € cap. */
    void check(BigDecimal paid) {
        if (budgeted == null || budgeted.signum() == 0) {
            throw new RuleViolation("R-14", "Le remboursement de l'opérateur suppose l'accord de tous les partenaires : "
                    + "la convention en vigueur n'en prévoit pas" + (conventionYear == 0 ? "." : " pour son année "
                    + conventionYear + " (du " + from + " au " + to + ")."));
        }
        BigDecimal after = reimbursed.add(paid);
        if (after.compareTo(ProgrammeReferences.R14_OPERATOR_REIMBURSEMENT_CAP_PER_YEAR) > 0) {
            throw new RuleViolation("R-14", "Le remboursement de l'opérateur est plafonné à 10 000 € par année de convention : "
                    + reimbursed.toPlainString() + " € déjà remboursés dans l'année " + conventionYear + " (du " + from + " au "
                    + to + "), " + paid.toPlainString() + " € de plus dépasseraient le plafond.");
        }
        if (after.compareTo(budgeted) > 0) {
            throw new RuleViolation("R-14", "La convention prévoit " + budgeted.toPlainString() + " € de remboursement de "
                    + "l'opérateur pour son année " + conventionYear + " (du " + from + " au " + to + ") : "
                    + reimbursed.toPlainString() + " € déjà remboursés, " + paid.toPlainString()
                    + " € de plus dépasseraient ce budget.");
        }
    }
}
