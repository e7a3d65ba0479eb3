package org.alize.tenancy;

/** What a person may do across the network, as granted in the access token's {@code network_roles} claim. */
public enum NetworkRole {
    /** ASTREES staff animating the network. */
    NETWORK_ADMIN,
    /** A member of the national steering committee. */
    NATIONAL_COMMITTEE
}
