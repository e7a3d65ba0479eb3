package org.alize.project.project;

/** Who will sign a project's convention besides the SME's head and the mandatary, as found on the decision date. */
public record Parties(String presidentId, String presidentName, String presidentOrganisationId, String operatorOrganisationId,
        String operatorName) {
}
