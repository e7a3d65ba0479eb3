package org.alize.basin.organisation;

import java.math.BigDecimal;

import org.alize.kernel.ProgrammeReferences;

/** The four sources of a convention's resources and their reference shares over 3 years. */
public enum ResourceCategory {
    COMPANIES("entreprises"),
    TERRITORIAL_ACTORS("acteurs territoriaux"),
    LOCAL_AUTHORITIES("collectivités territoriales"),
    STATE_AND_CDC("services de l'État et Caisse des dépôts");

    private final String label;
    private final BigDecimal referenceShare;

    ResourceCategory(String label) {
        this.label = label;
        this.referenceShare = ProgrammeReferences.R13_RESOURCE_SHARES.get(name()).movePointLeft(2);
    }

    public String label() {
        return label;
    }

    public BigDecimal referenceShare() {
        return referenceShare;
    }
}
