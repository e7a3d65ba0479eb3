package org.alize.notification.mail;

/** How often a person receives a kind of mail. */
public enum Frequency {
    /** As soon as it happens (the default). */
    IMMEDIATE("Tout de suite"),
    /** Gathered in one mail on Monday morning, Paris time. */
    WEEKLY("Résumé hebdomadaire"),
    /** Not at all (the delivery log does not keep it either). */
    NONE("Jamais");

    private final String label;

    Frequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
