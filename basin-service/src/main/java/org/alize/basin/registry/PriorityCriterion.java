package org.alize.basin.registry;

/** What the national steering committee considers first; any basin is eligible without them. */
public enum PriorityCriterion {
    /** bassins présentant des handicaps structurels lourds */
    HEAVY_STRUCTURAL_HANDICAPS,
    /** bassins pour lesquels on peut anticiper des mutations industrielles probables */
    FORESEEABLE_INDUSTRIAL_CHANGE,
    /** bassins où le développement endogène est faible (industriels dominés, ruraux peu dynamiques) */
    WEAK_ENDOGENOUS_DEVELOPMENT
}
