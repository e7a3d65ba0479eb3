package org.alize.basin.organisation;

import java.math.BigDecimal;

/** The four sources of a convention's resources and their reference shares over 3 years. */
public enum ResourceCategory {
    COMPANIES("entreprises", "0.40"),
    TERRITORIAL_ACTORS("acteurs territoriaux", "0.20"),
    LOCAL_AUTHORITIES("collectivités territoriales", "0.25"),
    STATE_AND_CDC("services de l'État et Caisse des dépôts", "0.15");

    private final String label;
    private final BigDecimal referenceShare;

    ResourceCategory(String label, String referenceShare) {
        this.label = label;
        this.referenceShare = new BigDecimal(referenceShare);
    }

    public String label() {
        return label;
    }

    public BigDecimal referenceShare() {
        return referenceShare;
    }
}
