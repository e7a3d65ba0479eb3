package org.alize.project.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.alize.kernel.Money;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.project.cooperation.Instalment;
import org.alize.project.cooperation.RepaymentCalendar;
import org.alize.project.events.CooperationConventionSigned.AdvanceAnnex;

/** What an approval grants: skills missions, in-kind help, a repayable advance, a subsidised loan, direct financing. */
public record GrantedMeans(List<SkillsGrant> skills, List<InKindGrant> inKind, AdvanceTerms advance, SubsidisedLoan loan,
        DirectFinancing directFinancing) {

    public enum Frequency {
        MONTHLY(1), QUARTERLY(3);

        private final int months;

        Frequency(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }
    }

    /** Days of a partner company's staff, in a domain, valued at a daily rate. */
    public record SkillsGrant(String partnerId, String partnerName, String domain, int days, BigDecimal dailyValue) {
        public SkillsGrant {
            if (days < 1) {
                throw InvalidInput.field("means.skills.days", "au moins une journée");
            }
            if (domain == null || domain.isBlank()) {
                throw InvalidInput.field("means.skills.domain", "le domaine de compétence est obligatoire");
            }
            dailyValue = Money.positive(dailyValue, "means.skills.dailyValue");
        }

        public BigDecimal value() {
            return dailyValue.multiply(BigDecimal.valueOf(days));
        }
    }

    public record InKindGrant(String description, String providerId, BigDecimal value) {
        public InKindGrant {
            if (description == null || description.isBlank()) {
                throw InvalidInput.field("means.inKind.description", "décrivez l'apport en nature");
            }
            value = Money.positive(value, "means.inKind.value");
        }
    }

    /** An interest-free advance: repaid in equal instalments after the grace period, over the duration. */
    public record AdvanceTerms(BigDecimal amount, int durationMonths, int graceMonths, Frequency frequency) {
        public AdvanceTerms {
            amount = Money.positive(amount, "means.advance.amount");
            if (frequency == null) {
                frequency = Frequency.MONTHLY;
            }
            if (durationMonths < 1 || graceMonths < 0 || graceMonths >= durationMonths) {
                throw InvalidInput.field("means.advance", "une durée d'au moins un mois, un différé plus court que la durée");
            }
            if (durationMonths > AdvanceAnnex.MAX_DURATION_MONTHS) {
                throw InvalidInput.field("means.advance.durationMonths", "au plus " + AdvanceAnnex.MAX_DURATION_MONTHS + " mois");
            }
            if (graceMonths > AdvanceAnnex.MAX_GRACE_MONTHS) {
                throw InvalidInput.field("means.advance.graceMonths", "au plus " + AdvanceAnnex.MAX_GRACE_MONTHS + " mois de différé");
            }
            if ((durationMonths - graceMonths) % frequency.months() != 0) {
                throw InvalidInput.field("means.advance", "la durée hors différé doit être un multiple de la périodicité");
            }
        }

        public int instalments() {
            return (durationMonths - graceMonths) / frequency.months();
        }

        /** The repayment calendar of the advance, for a convention signed on {@code signedOn}. */
        public List<Instalment> schedule(LocalDate signedOn) {
            return RepaymentCalendar.of(amount, instalments(), graceMonths, frequency.months(), signedOn);
        }
    }

    /** A subsidised loan is below the market: a rate above this is a typing error, not a subsidy. */
    static final BigDecimal MAX_LOAN_RATE_PERCENT = new BigDecimal("20");

    public record SubsidisedLoan(String lender, BigDecimal amount, BigDecimal ratePercent, int durationMonths) {
        public SubsidisedLoan {
            if (lender == null || lender.isBlank()) {
                throw InvalidInput.field("means.loan.lender", "le prêteur est obligatoire");
            }
            amount = Money.positive(amount, "means.loan.amount");
            if (ratePercent == null || ratePercent.signum() < 0 || ratePercent.compareTo(MAX_LOAN_RATE_PERCENT) > 0) {
                throw InvalidInput.field("means.loan.ratePercent", "taux positif ou nul, au plus " + MAX_LOAN_RATE_PERCENT + " %");
            }
            if (durationMonths < 1 || durationMonths > AdvanceAnnex.MAX_DURATION_MONTHS) {
                throw InvalidInput.field("means.loan.durationMonths", "entre 1 et " + AdvanceAnnex.MAX_DURATION_MONTHS + " mois");
            }
        }
    }

    public record DirectFinancing(String funder, BigDecimal amount) {
        public DirectFinancing {
            if (funder == null || funder.isBlank()) {
                throw InvalidInput.field("means.directFinancing.funder", "le financeur est obligatoire");
            }
            amount = Money.positive(amount, "means.directFinancing.amount");
        }
    }

    public GrantedMeans {
        skills = skills == null ? List.of() : List.copyOf(skills);
        inKind = inKind == null ? List.of() : List.copyOf(inKind);
    }

    public boolean isEmpty() {
        return skills.isEmpty() && inKind.isEmpty() && advance == null && loan == null && directFinancing == null;
    }

    /**
     * A new intervention on a followed project grants skills or help in kind; a new financial aid goes
     * through a new project.
     */
    /** The means of an approval: it grants at least one. */
    static GrantedMeans requireForApproval(GrantedMeans means) {
        if (means == null || means.isEmpty()) {
            throw new RuleViolation("R-26", "Un agrément précise les moyens accordés : compétences, apports en nature, avance "
                    + "remboursable, prêt bonifié ou financement direct.");
        }
        return means;
    }

    static GrantedMeans requireForIntervention(GrantedMeans means) {
        if (means != null && (means.advance() != null || means.loan() != null || means.directFinancing() != null)) {
            throw new RuleViolation("R-25", "Une nouvelle intervention apporte des compétences ou des apports en nature ; "
                    + "une nouvelle aide financière passe par un nouveau dossier.");
        }
        if (means == null || (means.skills().isEmpty() && means.inKind().isEmpty())) {
            throw new RuleViolation("R-26", "Une nouvelle intervention accorde des compétences ou des apports en nature.");
        }
        return means;
    }
}
