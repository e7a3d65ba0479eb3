package org.alize.notification.mail;

/** What a mail is about; each person chooses, per kind, how often they receive it ({@link Frequency}). */
public enum Kind {

    PROJECT_DECISION("Décision du comité sur un projet",
            "La décision du comité d'agrément sur un projet que vous suivez (prescripteur ou parrain)."),
    SESSION_CONVENED("Convocation à une séance du comité",
            "La convocation à une séance du comité d'agrément, avec l'ordre du jour et les diagnostics préalables (R-22).");

    private final String label;
    private final String description;

    Kind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The template's name under {@code mail/}: {@code project-decision.txt} and {@code .html}. */
    String template() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
