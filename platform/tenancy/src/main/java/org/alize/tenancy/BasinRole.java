package org.alize.tenancy;

/** What a person may do in one basin, as granted in the access token's {@code basins} claim. */
public enum BasinRole {
    /** The local operator's staff: runs the basin day to day. */
    OPERATOR,
    /** A member of the approval committee (comité d'agrément), including prescribers and mandataries. */
    COMMITTEE_MEMBER,
    /** A member of the local steering committee (comité local de pilotage et d'évaluation). */
    STEERING_MEMBER,
    /** A representative of a partner company. */
    PARTNER,
    /**
     * An API client of the basin's own systems (created by its operator, never a person's role): reads what the
     * basin's people read and writes nothing; a client given write access also holds {@link #OPERATOR}.
     */
    INTEGRATION
}
