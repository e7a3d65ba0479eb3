package org.alize.project.project;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;

/** What a prescriber submits; the service has checked the prescriber sits on the committee. */
public record Submission(Company company, Head head, BeneficiaryType beneficiaryType, Needs needs, int forecastJobs,
        List<String> supportSchemeIds) {

    /**
     * The most jobs one SME project may forecast: the programme's reference is 75 jobs a year for a whole
     * basin, its projects create 3 to 10 each; a thousand is a typing error, not a forecast.
     */
    static final int MAX_FORECAST_JOBS = 1_000;
    private static final Pattern SIRET = Pattern.compile("^\\d{14}$");

    public Submission {
        supportSchemeIds = supportSchemeIds == null ? List.of() : List.copyOf(supportSchemeIds);
    }

    /** Refuses a submission the programme cannot take, on {@code on}. */
    void check(LocalDate on) {
        if (company == null || company.name() == null || company.name().isBlank()) {
            throw InvalidInput.field("company.name", "le nom de l'entreprise est obligatoire");
        }
        if (company.siret() != null && !SIRET.matcher(company.siret()).matches()) {
            throw InvalidInput.field("company.siret", "SIRET invalide : 14 chiffres");
        }
        if (on != null && company.createdOn() != null && company.createdOn().isAfter(on)) {
            throw InvalidInput.field("company.createdOn", "l'entreprise est créée avant le dépôt du projet (" + on + ")");
        }
        if (head == null || head.lastName() == null || head.lastName().isBlank()) {
            throw InvalidInput.field("head.lastName", "le nom du dirigeant est obligatoire");
        }
        if (beneficiaryType == null) {
            throw new RuleViolation("R-20", "Précisez le type de bénéficiaire : PME en développement, reprise, projet "
                    + "structurant ou création à potentiel.");
        }
        if (forecastJobs > MAX_FORECAST_JOBS) {
            throw InvalidInput.field("forecastJobs", "au plus " + MAX_FORECAST_JOBS + " emplois prévus pour un projet");
        }
        if (forecastJobs < 0) {
            throw new RuleViolation("R-21", "Les emplois prévus à trois ans ne peuvent être négatifs.");
        }
    }
}
