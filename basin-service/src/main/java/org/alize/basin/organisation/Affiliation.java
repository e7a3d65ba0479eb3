package org.alize.basin.organisation;

/** Whom a person represents: one of the basin's organisations, ASTREES, or the prefecture. */
public enum Affiliation {
    ORGANISATION, ASTREES, PREFECTURE
}
