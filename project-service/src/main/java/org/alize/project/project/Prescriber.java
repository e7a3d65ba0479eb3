package org.alize.project.project;

/**
 * Who brought a project: the member of the approval committee who prescribed it, by name as on the
 * day of submission, and the partner organisation they came from. Held by the project (its fields stored flat).
 */
public final class Prescriber {

    private String prescriberId;
    private String prescriberName;
    /** The partner organisation that brought the project: the prescriber's, when it was submitted. */
    private String sourceOrganisationId;

    Prescriber() {
    }

    public Prescriber(String personId, String name, String organisationId) {
        this.prescriberId = personId;
        this.prescriberName = name;
        this.sourceOrganisationId = organisationId;
    }

    public String personId() {
        return prescriberId;
    }

    public String name() {
        return prescriberName;
    }

    public String organisationId() {
        return sourceOrganisationId;
    }
}
