package org.alize.identity.account;

/** Where an account stands. */
public enum AccountStatus {
    /** Created, invitation sent, no password yet: cannot log in. */
    INVITED,
    /** Can log in. */
    ACTIVE,
    /** Switched off by ASTREES: cannot log in, its refresh tokens are refused. */
    DISABLED
}
