package org.alize.project.followup;

import org.alize.tenancy.problem.InvalidInput;

/** Jobs created since the convention, by contract kind. */
public record Jobs(int permanent, int fixedTerm, int apprenticeship, int other) {

    public Jobs {
        if (permanent < 0 || fixedTerm < 0 || apprenticeship < 0 || other < 0) {
            throw InvalidInput.field("jobs", "un nombre d'emplois ne peut être négatif");
        }
    }

    public int total() {
        return permanent + fixedTerm + apprenticeship + other;
    }
}
