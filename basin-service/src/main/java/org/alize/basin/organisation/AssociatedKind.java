package org.alize.basin.organisation;

/** The kinds of associated partner the programme names. */
public enum AssociatedKind {
    CHAMBER, DEVELOPMENT_AGENCY, EXPANSION_COMMITTEE, PFIL, LOCAL_AUTHORITY_SERVICE, OTHER_NETWORK
}
