package org.alize.finance.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The replica of the basin's signed partnership conventions: pledges and the operator reimbursement budgeted. */
@Document("replica_conventions")
public record Pledges(@Id String conventionId, LocalDate startsOn, LocalDate endsOn, List<Pledge> pledges,
        List<BigDecimal> operatorReimbursementByYear, long sequence) {

    public record Pledge(String organisationId, String organisationName, String resourceCategory, BigDecimal cash,
            BigDecimal skillsValue, BigDecimal inKind) {
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }

    /** The reimbursement budgeted for the convention year that holds {@code date} (year 1, 2 or 3). */
    public BigDecimal reimbursementBudgetedFor(LocalDate date) {
        int year = date.getYear() - startsOn.getYear();
        return year >= 0 && year < operatorReimbursementByYear.size() ? operatorReimbursementByYear.get(year) : BigDecimal.ZERO;
    }
}
