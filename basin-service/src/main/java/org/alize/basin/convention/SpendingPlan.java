package org.alize.basin.convention;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.alize.kernel.Money;
import org.alize.kernel.ProgrammeReferences;

/**
 * The budget annex's spending per year against the references of R-14: project support about 210 k€ a
 * year, local engineering about 90 k€ a year, the operator's reimbursement at most 10 000 € a year.
 */
public record SpendingPlan(List<Year> years) {


    public record Year(int year, BigDecimal resources, BigDecimal projectSupport, BigDecimal projectSupportReference,
            BigDecimal localEngineering, BigDecimal localEngineeringReference, BigDecimal operatorReimbursement,
            BigDecimal operatorReimbursementCap, BigDecimal otherSpending) {
    }

    static SpendingPlan of(List<BudgetLine> budget) {
        List<Year> years = new ArrayList<>();
        for (int year = 1; year <= 3; year++) {
            int y = year;
            List<BudgetLine> lines = budget.stream().filter(line -> line.year() == y).toList();
            years.add(new Year(year, sum(lines, BudgetLine.Kind.RESOURCE, BudgetLine.Category.OTHER),
                    sum(lines, BudgetLine.Kind.SPENDING, BudgetLine.Category.PROJECT_SUPPORT), ProgrammeReferences.R14_PROJECT_SUPPORT_PER_YEAR,
                    sum(lines, BudgetLine.Kind.SPENDING, BudgetLine.Category.LOCAL_ENGINEERING), ProgrammeReferences.R14_LOCAL_ENGINEERING_PER_YEAR,
                    sum(lines, BudgetLine.Kind.SPENDING, BudgetLine.Category.OPERATOR_REIMBURSEMENT),
                    ProgrammeReferences.R14_OPERATOR_REIMBURSEMENT_CAP_PER_YEAR,
                    sum(lines, BudgetLine.Kind.SPENDING, BudgetLine.Category.OTHER)));
        }
        return new SpendingPlan(List.copyOf(years));
    }

    private static BigDecimal sum(List<BudgetLine> lines, BudgetLine.Kind kind, BudgetLine.Category category) {
        return lines.stream().filter(l -> l.kind() == kind && l.category() == category).map(BudgetLine::amount)
                .reduce(Money.ZERO, BigDecimal::add);
    }
}
