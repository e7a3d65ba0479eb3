package org.alize.project.imports;

import java.util.List;

import org.alize.documents.Spreadsheet.Column;
import org.alize.documents.imports.Importable;

/** What project-service imports from a basin's spreadsheets: the projects it decided before the platform. */
final class PastProjects {

    static final Importable PAST_PROJECTS = new Importable.Of("PAST_PROJECTS", "projets", "Projets passés", List.of(
            new Column("Référence d'origine", true, "la référence du projet dans vos tableaux (au plus 40 caractères) ; "
                    + "elle le retrouve si le fichier est importé à nouveau"),
            new Column("Entreprise", true, "le nom de la PME"),
            new Column("SIRET", false, "14 chiffres"),
            new Column("Code NAF", false, "par exemple 25.62B"),
            new Column("Effectif", false, "à la date du dépôt"),
            new Column("Commune", false, ""),
            new Column("Prénom du dirigeant", false, ""),
            new Column("Nom du dirigeant", true, ""),
            new Column("Courriel du dirigeant", false, ""),
            new Column("Type de bénéficiaire", true, "PME en développement, reprise, projet structurant ou création (R-20)"),
            new Column("Emplois prévus", true, "à trois ans, de 0 à 1 000 (R-21)"),
            new Column("Date de dépôt", true, "jj/mm/aaaa"),
            new Column("Prescripteur", true, "le courriel du prescripteur, une personne du registre du bassin (importez "
                    + "d'abord les personnes)"),
            new Column("Date de décision", true, "jj/mm/aaaa, la séance du comité d'agrément"),
            new Column("Décision", true, "agréé ou refusé (R-23)"),
            new Column("Motivation", true, "la motivation du comité, reprise du procès-verbal (R-23)"),
            new Column("Procès-verbal", true, "le procès-verbal d'où la décision est reprise (« PV du 12/03/2019 »)"),
            new Column("Mandataire", false, "pour un projet agréé (obligatoire) : le courriel du mandataire, une personne "
                    + "du registre (R-25)"),
            new Column("Date de signature", false, "pour un projet agréé (obligatoire) : la signature de la convention de "
                    + "coopération (R-24)"),
            new Column("Fin du suivi", false, "clos (au moins 18 mois après la signature, R-25) ou abandonné ; vide si le "
                    + "projet est encore suivi"),
            new Column("Date de fin", false, "jj/mm/aaaa, avec la fin du suivi"),
            new Column("Motif de fin", false, "obligatoire pour un abandon"),
            new Column("Emplois en CDI", false, "au bilan de fin de suivi (R-25)"),
            new Column("Emplois en CDD de 6 mois ou plus", false, "au bilan de fin de suivi ; avec les CDI, les emplois "
                    + "durables"),
            new Column("Autres emplois", false, "au bilan de fin de suivi : CDD courts, alternance, autres")),
            List.of(List.of("HAI-2019-004", "Chaudronnerie Duval", "81234567800019", "25.62B", "12", "Anzin", "Marc",
                            "Duval", "marc.duval@example.fr", "PME en développement", "6", "15/01/2019",
                            "isabelle.roche@example.fr", "12/03/2019", "agréé", "Marché porteur, équipe solide",
                            "PV du comité d'agrément du 12/03/2019", "thomas.lefevre@example.fr", "02/04/2019", "clos",
                            "15/04/2021", "", "4", "2", "1"),
                    List.of("HAI-2019-007", "Boulangerie Lenoir", "", "10.71C", "3", "Valenciennes", "", "Lenoir", "",
                            "reprise", "2", "04/02/2019", "isabelle.roche@example.fr", "12/03/2019", "refusé",
                            "Plan de financement non bouclé", "PV du comité d'agrément du 12/03/2019", "", "", "", "", "",
                            "", "", "")));

    private PastProjects() {
    }
}
