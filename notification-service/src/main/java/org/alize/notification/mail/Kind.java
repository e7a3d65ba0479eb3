package org.alize.notification.mail;

/**
 * What a mail is about; each person of the register chooses, per kind, how often they receive it ({@link Frequency}).
 * {@link #HOLDER_DECISION} goes to an SME's head, who has no account and no choice: it is the notice of a decision on
 * their own project.
 */
public enum Kind {

    PROJECT_DECISION("Décision du comité sur un projet",
            "La décision du comité d'agrément sur un projet que vous suivez (prescripteur ou parrain)."),
    SESSION_CONVENED("Convocation à une séance du comité",
            "La convocation à une séance du comité d'agrément, avec l'ordre du jour et les diagnostics préalables (R-22)."),
    CONVENTION_TO_SIGN("Convention de coopération à signer",
            "Une convention de coopération qui attend votre signature, après l'agrément d'un projet (R-24)."),
    REPORT_DUE("Compte rendu de suivi à déposer",
            "Le compte rendu semestriel d'un projet que vous suivez comme mandataire : 15 jours avant l'échéance, puis en "
                    + "retard (R-25)."),
    INSTALMENT_OVERDUE("Échéance d'avance impayée",
            "Une échéance d'avance remboursable restée impayée le lendemain de sa date (pour l'opérateur local)."),
    NETWORK_MEETING("Réunions du réseau",
            "L'invitation aux réunions « Vie du réseau » et à l'événement national d'ASTREES (R-40), ou leur annulation."),
    HOLDER_DECISION("Décision du comité, au dirigeant de la PME",
            "La décision du comité d'agrément sur son projet, au dirigeant de la PME (sans compte : envoyé à chaque fois).");

    /** The kinds a person of the register chooses a frequency for. */
    public static final java.util.List<Kind> CHOSEN = java.util.Arrays.stream(values())
            .filter(kind -> kind != HOLDER_DECISION).toList();

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
