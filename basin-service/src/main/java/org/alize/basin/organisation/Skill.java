package org.alize.basin.organisation;

import org.alize.kernel.problem.InvalidInput;

/** A skill a partner company can lend to SMEs, with the days a year it indicates it can give. */
public record Skill(String domain, int indicativeDaysPerYear) {

    public Skill {
        if (domain == null || domain.isBlank()) {
            throw InvalidInput.field("skills.domain", "le domaine de compétence est obligatoire");
        }
        if (indicativeDaysPerYear < 0 || indicativeDaysPerYear > 365) {
            throw InvalidInput.field("skills.indicativeDaysPerYear", "entre 0 et 365 jours par an");
        }
        domain = domain.strip();
    }
}
