package org.alize.basin.convention;

import java.math.BigDecimal;

import org.alize.kernel.Money;
import org.alize.kernel.problem.InvalidInput;

/** A line of the 3-year budget annex: a resource or a spending, for year 1, 2 or 3 of the convention. */
public record BudgetLine(int year, Kind kind, Category category, String label, BigDecimal amount) {

    public enum Kind {
        RESOURCE, SPENDING
    }

    /** Spending lines the references of R-14 speak of; resources are {@code OTHER}. */
    public enum Category {
        /** aides accordées et compétences apportées aux projets (~210 k€ par an) */
        PROJECT_SUPPORT,
        /** ingénierie locale (~90 k€ par an) */
        LOCAL_ENGINEERING,
        /** remboursement de l'opérateur (10 000 € par an au plus, accord de tous les partenaires) */
        OPERATOR_REIMBURSEMENT,
        OTHER
    }

    public BudgetLine {
        if (year < 1 || year > 3) {
            throw InvalidInput.field("budget.year", "une convention dure trois ans : année 1, 2 ou 3");
        }
        if (kind == null || category == null) {
            throw InvalidInput.field("budget", "chaque ligne a un type et une catégorie");
        }
        if (kind == Kind.RESOURCE && category != Category.OTHER) {
            throw InvalidInput.field("budget.category", "une ressource est de catégorie OTHER");
        }
        amount = Money.orZero(amount, "budget.amount");
    }
}
