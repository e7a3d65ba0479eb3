package org.alize.finance.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The replica of the basin's signed partnership conventions: pledges and the operator reimbursement budgeted. */
@Document("replica_conventions")
public record Pledges(@Id String conventionId, LocalDate startsOn, LocalDate endsOn, List<Pledge> pledges,
        List<BigDecimal> operatorReimbursementByYear, long sequence, List<String> operatorOrganisationIds) {

    public Pledges(String conventionId, LocalDate startsOn, LocalDate endsOn, List<Pledge> pledges,
            List<BigDecimal> operatorReimbursementByYear, long sequence) {
        this(conventionId, startsOn, endsOn, pledges, operatorReimbursementByYear, sequence, List.of());
    }

    /**
     * Whether a payee is the local operator: one of the organisations the operator convention names, by id, or
     * by name when the operator also pledges to the convention.
     */
    public boolean isOperator(String payeeOrganisationId, String payee) {
        List<String> operators = operatorOrganisationIds == null ? List.of() : operatorOrganisationIds;
        if (payeeOrganisationId != null && operators.contains(payeeOrganisationId)) {
            return true;
        }
        return payee != null && pledges.stream().anyMatch(p -> operators.contains(p.organisationId())
                && p.organisationName() != null && p.organisationName().strip().equalsIgnoreCase(payee.strip()));
    }

    public record Pledge(String organisationId, String organisationName, String resourceCategory, BigDecimal cash,
            BigDecimal skillsValue, BigDecimal inKind) {
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }

    /**
     * The reimbursement budgeted for the convention year that holds {@code date}: year 1 runs from the
     * start date to the day before its anniversary, whatever the calendar year (a convention from 1 July 2023
     * is in its first year on 15 March 2024).
     */
    public BigDecimal reimbursementBudgetedFor(LocalDate date) {
        int year = conventionYearOf(date);
        return year >= 1 && year <= operatorReimbursementByYear.size() ? operatorReimbursementByYear.get(year - 1)
                : BigDecimal.ZERO;
    }

    /**
     * 1 for the first year from {@code startsOn}, 2 from its first anniversary…; 0 before the start. The
     * anniversary is {@code startsOn.plusYears(n)}, as the term's end is: a start on 29 February turns a year
     * on 28 February.
     */
    public int conventionYearOf(LocalDate date) {
        if (date.isBefore(startsOn)) {
            return 0;
        }
        int year = Period.between(startsOn, date).getYears();
        while (!date.isBefore(startsOn.plusYears(year + 1L))) {
            year++;
        }
        return year + 1;
    }
}
