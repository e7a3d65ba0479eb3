package org.alize.project.project;

import java.util.ArrayList;
import java.util.List;

import org.alize.documents.PdfReport;
import org.alize.project.cooperation.CooperationConvention;
import org.alize.project.cooperation.RequiredSignature;
import org.alize.project.cooperation.Signature;

/** The cooperation convention and its advance annex, in French, from the recorded decision and signatures. */
final class ConventionPdf {

    private ConventionPdf() {
    }

    static byte[] render(String basinId, Project project) {
        CooperationConvention convention = project.convention();
        Decision approval = project.decisions().approval();
        PdfReport pdf = new PdfReport("Convention de coopération et de développement",
                "Bassin " + basinId + " — projet " + project.reference() + " — " + convention.conventionId());
        pdf.heading("Les parties");
        pdf.field("L'entreprise", project.dossier().company().name() + (project.dossier().company().siret() == null ? ""
                        : ", SIRET " + project.dossier().company().siret()))
                .field("Représentée par son dirigeant", project.dossier().head().fullName());
        convention.required().forEach(r -> pdf.field(capitalised(r.role().label()), r.party()));
        pdf.heading("Objet");
        pdf.paragraph("Le comité d'agrément a agréé le projet le " + PdfReport.date(approval.decidedOn()) + " : "
                + approval.motivation());
        pdf.field("Emplois prévus à trois ans", String.valueOf(project.dossier().forecastJobs()))
                .field("Mandataire chargé du suivi (au moins 18 mois)", project.mandate().name());
        pdf.heading("Moyens accordés");
        pdf.table(List.of("Moyen", "Détail", "Montant"), means(approval.means()));
        if (approval.means().advance() != null) {
            GrantedMeans.AdvanceTerms advance = approval.means().advance();
            pdf.heading("Annexe : avance remboursable sans intérêt");
            pdf.field("Montant", PdfReport.euros(advance.amount()))
                    .field("Durée", advance.durationMonths() + " mois dont " + advance.graceMonths() + " mois de différé")
                    .field("Échéances", advance.frequency() == GrantedMeans.Frequency.MONTHLY ? "mensuelles" : "trimestrielles");
            if (convention.isSigned()) {
                pdf.table(List.of("Échéance", "Date", "Montant"), convention.schedule().stream()
                        .map(i -> List.of(String.valueOf(i.number()), PdfReport.date(i.dueOn()), PdfReport.euros(i.amount())))
                        .toList());
            } else {
                pdf.paragraph("Le calendrier de remboursement court à partir de la date de la dernière signature.");
            }
        }
        pdf.heading("Signatures");
        List<List<String>> rows = new ArrayList<>();
        for (RequiredSignature required : convention.required()) {
            Signature given = convention.signatures().stream().filter(s -> s.key().equals(required.key())).findFirst().orElse(null);
            rows.add(List.of(capitalised(required.role().label()), required.party(),
                    given == null ? "en attente" : given.signatory() + ", le " + PdfReport.date(given.signedOn())));
        }
        pdf.table(List.of("Qualité", "Partie", "Signature"), rows);
        pdf.paragraph(convention.isSigned() ? "Convention signée le " + PdfReport.date(convention.signedOn())
                + " : l'accompagnement commence." : "L'accompagnement commence à la dernière signature.");
        return pdf.note("Document établi à partir des données enregistrées dans la plateforme ALIZÉ.").finish();
    }

    private static List<List<String>> means(GrantedMeans means) {
        List<List<String>> rows = new ArrayList<>();
        means.skills().forEach(s -> rows.add(List.of("Compétences", s.partnerName() + " — " + s.domain() + ", " + s.days()
                + " j × " + PdfReport.euros(s.dailyValue()), PdfReport.euros(s.value()))));
        means.inKind().forEach(k -> rows.add(List.of("Apport en nature", k.description(), PdfReport.euros(k.value()))));
        if (means.advance() != null) {
            rows.add(List.of("Avance remboursable", "voir l'annexe", PdfReport.euros(means.advance().amount())));
        }
        if (means.loan() != null) {
            rows.add(List.of("Prêt bonifié", means.loan().lender() + ", " + means.loan().ratePercent().toPlainString() + " %",
                    PdfReport.euros(means.loan().amount())));
        }
        if (means.directFinancing() != null) {
            rows.add(List.of("Financement direct", means.directFinancing().funder(),
                    PdfReport.euros(means.directFinancing().amount())));
        }
        return rows;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
