package org.alize.project.cooperation;

/** Who signs a cooperation convention. */
public enum SignatoryRole {
    SME_HEAD("le dirigeant de la PME"),
    COMMITTEE_PRESIDENT("le président du comité d'agrément"),
    SKILLS_PARTNER("l'entreprise partenaire qui apporte des compétences"),
    MANDATARY("le mandataire"),
    OPERATOR("l'opérateur local (annexe de l'avance)");

    private final String label;

    SignatoryRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
