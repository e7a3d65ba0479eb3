package org.alize.project.project;

import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.RuleViolation;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * Who follows an approved project for the committee: its mandatary, a member of the committee, named with the
 * approval and replaceable. Held by the project (its fields stored flat in the project's document).
 */
public final class Mandate {

    @Indexed
    private String mandataryId;
    private String mandataryName;

    Mandate() {
    }

    /** Names the mandatary of an approval: one is required. */
    void assign(String personId, String personName) {
        if (personId == null) {
            throw new RuleViolation("R-25", "Un projet agréé est suivi par un mandataire, membre du comité : désignez-le.");
        }
        mandataryId = personId;
        mandataryName = personName;
    }

    /** Replaces the mandatary; what the history says of the former one. */
    String replace(String personId, String personName) {
        if (personId.equals(mandataryId)) {
            throw new Conflict("project.same-mandatary", "Cette personne est déjà le mandataire du projet.");
        }
        String former = mandataryName == null ? mandataryId : mandataryName;
        assign(personId, personName);
        return former;
    }

    /**
     * Refuses a follow-up report from anyone but the mandatary, or the operator on their behalf.
     *
     * @param operator whether the caller is the basin's operator
     * @param personId the caller's person in the basin's register, if known
     */
    void requireReporter(boolean operator, String personId) {
        if (!operator && (personId == null || !personId.equals(mandataryId))) {
            throw new RuleViolation("R-25", "Seul le mandataire du projet" + (mandataryName == null ? "" : " (" + mandataryName + ")")
                    + ", ou l'opérateur pour lui, dépose ses comptes rendus de suivi.");
        }
    }

    public String id() {
        return mandataryId;
    }

    public String name() {
        return mandataryName;
    }
}
