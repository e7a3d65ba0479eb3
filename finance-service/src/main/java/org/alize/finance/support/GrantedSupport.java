package org.alize.finance.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The subsidised loan and the direct financing granted to one project, and whether they were paid. */
@Document("granted_support")
public class GrantedSupport {

    @Id
    private final String id;
    @Version
    private Long version;
    private final String projectId;
    private final String projectReference;
    private final String companyName;
    private final Loan loan;
    private final Financing financing;
    private LocalDate loanPaidOn;
    private LocalDate financingPaidOn;
    private final List<HistoryEntry> history;

    public record Loan(String lender, BigDecimal amount, BigDecimal ratePercent, int durationMonths) {
    }

    public record Financing(String funder, BigDecimal amount) {
    }

    @PersistenceCreator
    GrantedSupport(String id, String projectId, String projectReference, String companyName, Loan loan, Financing financing,
            LocalDate loanPaidOn, LocalDate financingPaidOn, List<HistoryEntry> history) {
        this.id = id;
        this.projectId = projectId;
        this.projectReference = projectReference;
        this.companyName = companyName;
        this.loan = loan;
        this.financing = financing;
        this.loanPaidOn = loanPaidOn;
        this.financingPaidOn = financingPaidOn;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    public static String idFor(String projectId) {
        return "sup-" + projectId;
    }

    public static GrantedSupport record(String projectId, String reference, String company, Loan loan, Financing financing,
            Instant at, String by) {
        GrantedSupport support = new GrantedSupport(idFor(projectId), projectId, reference, company, loan, financing, null,
                null, List.of());
        support.history.add(new HistoryEntry("GRANTED", at, by, null));
        return support;
    }

    /** The lender paid the subsidised loan out: once, on a date that has come. */
    public void loanPaid(LocalDate on, LocalDate today, Instant at, String by) {
        if (loan == null) {
            throw new Conflict("support.no-loan", "Aucun prêt bonifié n'a été accordé à ce projet.");
        }
        if (loanPaidOn != null) {
            throw new Conflict("support.loan-paid", "Le versement du prêt bonifié est déjà enregistré (le " + loanPaidOn + ").");
        }
        paidOn(on, today);
        this.loanPaidOn = on;
        history.add(new HistoryEntry("LOAN_PAID", at, by, loan.lender() + " le " + on));
    }

    /** The funder paid the direct financing: once, on a date that has come. */
    public void financingPaid(LocalDate on, LocalDate today, Instant at, String by) {
        if (financing == null) {
            throw new Conflict("support.no-financing", "Aucun financement direct n'a été accordé à ce projet.");
        }
        if (financingPaidOn != null) {
            throw new Conflict("support.financing-paid", "Le versement du financement direct est déjà enregistré (le "
                    + financingPaidOn + ").");
        }
        paidOn(on, today);
        this.financingPaidOn = on;
        history.add(new HistoryEntry("FINANCING_PAID", at, by, financing.funder() + " le " + on));
    }

    private static void paidOn(LocalDate on, LocalDate today) {
        if (on == null || on.isAfter(today)) {
            throw InvalidInput.field("paidOn", "la date du versement est obligatoire et ne peut être future");
        }
    }

    public String id() {
        return id;
    }

    public String projectId() {
        return projectId;
    }

    public String projectReference() {
        return projectReference;
    }

    public String companyName() {
        return companyName;
    }

    public Loan loan() {
        return loan;
    }

    public Financing financing() {
        return financing;
    }

    public LocalDate loanPaidOn() {
        return loanPaidOn;
    }

    public LocalDate financingPaidOn() {
        return financingPaidOn;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
