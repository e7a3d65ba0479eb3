package org.alize.project.followup;

import org.alize.kernel.problem.InvalidInput;

/**
 * Jobs created since the convention, by contract kind: CDI, CDD of six months or more, shorter CDD,
 * apprenticeships, other. The programme's « emplois durables » are the CDI and the CDD of six months or more.
 */
public record Jobs(int permanent, int fixedTerm, int fixedTermShort, int apprenticeship, int other) {

    public Jobs {
        if (permanent < 0 || fixedTerm < 0 || fixedTermShort < 0 || apprenticeship < 0 || other < 0) {
            throw InvalidInput.field("jobs", "un nombre d'emplois ne peut être négatif");
        }
    }

    public int total() {
        return permanent + fixedTerm + fixedTermShort + apprenticeship + other;
    }

    /** « Emplois durables »: CDI and CDD of six months or more, the figure weighed against 75 a year. */
    public int lasting() {
        return permanent + fixedTerm;
    }
}
