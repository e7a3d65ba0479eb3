package org.alize.basin.convention;

/** DRAFT while negotiated; SIGNED once all partners signed. In force is SIGNED within its term. */
public enum ConventionStatus {
    DRAFT, SIGNED
}
