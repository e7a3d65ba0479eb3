package org.alize.basin.committee;

/** Why someone sits on the approval committee. */
public enum Seat {
    /** représentant d'une organisation partenaire */
    PARTNER_REPRESENTATIVE,
    /** le représentant d'ASTREES */
    ASTREES_REPRESENTATIVE,
    /** structure relais, facultative */
    RELAY_STRUCTURE
}
