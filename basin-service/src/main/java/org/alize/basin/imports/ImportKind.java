package org.alize.basin.imports;

import java.util.List;

import org.alize.documents.Spreadsheet.Column;
import org.alize.documents.imports.Importable;

/**
 * What a basin imports from the spreadsheets it already keeps, each with its template's columns (as the header names
 * them) and an example row.
 */
public enum ImportKind implements Importable {

    /** The basin's organisations, and each one's pledge in the convention being negotiated. */
    PARTNERS("partenaires", "Partenaires", List.of(
            new Column("Type", true, "entreprise partenaire, partenaire associé, financeur public ou organisme opérateur"),
            new Column("Nom", true, "le nom de l'organisation ; avec le type, il la reconnaît quand elle n'a pas de SIRET"),
            new Column("SIRET", false, "14 chiffres ; obligatoire pour une entreprise partenaire ; il la reconnaît si elle est déjà enregistrée"),
            new Column("Code NAF", false, "par exemple 25.62B"),
            new Column("Taille", false, "pour une entreprise partenaire (obligatoire) : TPE, PME, ETI ou GE"),
            new Column("Type de partenaire associé", false, "pour un partenaire associé (obligatoire) : chambre consulaire, "
                    + "agence de développement, comité d'expansion, PFIL, service d'une collectivité ou autre réseau"),
            new Column("Type de financeur", false, "pour un financeur public (obligatoire) : collectivité, État ou Caisse des dépôts"),
            new Column("Adresse", false, "numéro et rue"),
            new Column("Code postal", false, "5 chiffres"),
            new Column("Ville", false, ""),
            new Column("Apport en numéraire", false, "en euros sur les 3 ans de la convention en négociation (R-10)"),
            new Column("Jours de compétences", false, "jours de mise à disposition de salariés sur les 3 ans (R-10)"),
            new Column("Valeur d'une journée", false, "en euros, obligatoire s'il y a des jours de compétences"),
            new Column("Apport en nature", false, "en euros, valorisé (R-13)")),
            List.of(List.of("entreprise partenaire", "Usinor Valenciennes", "55210055400013", "24.10Z", "GE", "", "",
                    "1 rue de l'Acier", "59300", "Valenciennes", "60000", "20", "650", "0"))),

    /** The basin's people: representatives of its organisations, of ASTREES, of the prefecture. */
    PEOPLE("personnes", "Personnes", List.of(
            new Column("Prénom", true, ""),
            new Column("Nom", true, ""),
            new Column("Courriel", false, "l'adresse reconnaît la personne si elle est déjà enregistrée ; sans elle, une nouvelle fiche"),
            new Column("Téléphone", false, ""),
            new Column("Rattachement", false, "organisation (par défaut), ASTREES ou préfecture"),
            new Column("Organisation", false, "le SIRET ou le nom exact d'une organisation du bassin ; obligatoire pour un rattachement à une organisation"),
            new Column("Fonction", false, ""),
            new Column("En activité", false, "oui (par défaut) ou non : seul un représentant en activité peut présider le comité d'agrément (R-06)")),
            List.of(List.of("Jeanne", "Martin", "jeanne.martin@usinor.example", "03 27 00 00 00", "organisation",
                    "55210055400013", "Directrice des ressources humaines", "oui")));

    private final String segment;
    private final String title;
    private final List<Column> columns;
    private final List<List<String>> examples;

    ImportKind(String segment, String title, List<Column> columns, List<List<String>> examples) {
        this.segment = segment;
        this.title = title;
        this.columns = columns;
        this.examples = examples;
    }

    /** Its name in the API's paths: {@code partenaires}, {@code personnes}. */
    @Override
    public String segment() {
        return segment;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public List<List<String>> examples() {
        return examples;
    }
}
