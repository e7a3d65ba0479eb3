package org.alize.basin.organisation;

/** The kinds of public funder. */
public enum FunderKind {
    LOCAL_AUTHORITY, STATE_SERVICE, CAISSE_DES_DEPOTS
}
