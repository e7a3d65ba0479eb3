package org.alize.basin.organisation;

/** Company size in the French categories: TPE, PME, ETI, grande entreprise. */
public enum SizeClass {
    MICRO, SME, MID_CAP, LARGE
}
