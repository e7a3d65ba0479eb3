package org.alize.basin.operator;

/** The functions of a local operator; shared between organisations only exceptionally. */
public enum OperatorFunction {
    /** détection et préparation des projets */
    PROJECT_DETECTION,
    /** secrétariat du comité d'agrément */
    COMMITTEE_SECRETARIAT,
    /** gestion du fonds d'avances et du compte de fonctionnement */
    FUND_MANAGEMENT,
    /** suivi des projets et des mandataires */
    PROJECT_FOLLOW_UP,
    /** animation du partenariat */
    PARTNERSHIP_ANIMATION,
    /** évaluation et compte rendu */
    EVALUATION_REPORTING
}
