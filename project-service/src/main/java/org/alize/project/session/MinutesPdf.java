package org.alize.project.session;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.alize.documents.PdfReport;
import org.alize.project.project.Decision;
import org.alize.project.project.GrantedMeans;
import org.alize.project.project.Project;

/** The minutes of a session, in French, from what was recorded: attendance, quorum, recusals, decisions and means. */
final class MinutesPdf {

    private MinutesPdf() {
    }

    static byte[] render(String basinId, CommitteeSession session, List<Project> decided) {
        PdfReport pdf = new PdfReport("Procès-verbal du comité d'agrément", "Bassin " + basinId + " — séance n° "
                + session.number() + " du " + PdfReport.date(session.heldOn() != null ? session.heldOn() : session.scheduledOn()));
        pdf.field("Lieu", session.location())
                .field("Présidence", session.presidedByName() == null ? session.presidentName()
                        : session.presidentName() == null || session.presidedByName().equals(session.presidentName())
                                ? session.presidedByName()
                                : session.presidedByName() + ", en l'absence de " + session.presidentName())
                .field("État de la séance", session.status().label());
        pdf.heading("Présents");
        pdf.table(List.of("Membre", "Siège", "Votant"), session.present().stream()
                .map(a -> List.of(a.name(), seat(a.seat()), a.voting() ? "oui" : "non")).toList());
        pdf.field("Absents", String.join(", ", session.absent()));
        long voting = session.present().stream().filter(Attendee::voting).count();
        pdf.field("Quorum", voting + " membre(s) votant(s) présent(s) pour " + session.quorum() + " requis : atteint");
        pdf.heading("Ordre du jour");
        pdf.table(List.of("Projet", "Entreprise", "Prescripteur"), session.agenda().stream()
                .map(i -> List.of(i.reference(), i.companyName(), i.prescriberName())).toList());
        for (Project project : decided) {
            Decision decision = project.decisions().all().stream().filter(d -> d.sessionId().equals(session.id()))
                    .reduce((a, b) -> b).orElseThrow();
            pdf.heading("Projet " + project.reference() + " — " + project.dossier().company().name());
            pdf.field("Décision", outcome(decision.outcome()))
                    .field("Motivation", decision.motivation())
                    .field("Votants", String.valueOf(decision.voters()))
                    .field("Déports", recusals(session, project, decision))
                    .field("Intérêts signalés au président", flagged(session, decision));
            if (decision.outcome() == Decision.Outcome.APPROVED) {
                pdf.field("Mandataire", decision.mandataryName());
                pdf.table(List.of("Moyen accordé", "Détail", "Montant"), means(decision.means()));
            }
            if (decision.complementaryDiagnosisRequested()) {
                pdf.paragraph("Le comité demande un diagnostic complémentaire par un professionnel.");
            }
        }
        if (session.validation() != null) {
            pdf.heading("Validation a posteriori");
            pdf.field("Par le comité local de pilotage", session.validation().validatedBy() + ", le "
                    + PdfReport.date(session.validation().validatedOn()));
            pdf.paragraph(session.validation().remarks());
        }
        return pdf.note("Document établi à partir des données enregistrées dans la plateforme ALIZÉ.").finish();
    }

    private static String recusals(CommitteeSession session, Project project, Decision decision) {
        List<String> names = new ArrayList<>();
        for (String personId : decision.recusedPersonIds()) {
            String why = session.recusals().stream().filter(r -> r.personId().equals(personId)
                    && r.projectId().equals(project.id())).map(Recusal::reason).findFirst()
                    .orElse("conflit d'intérêts déclaré");
            String name = session.present().stream().filter(a -> a.personId().equals(personId)).map(Attendee::name)
                    .findFirst().orElse(personId);
            names.add(name + " (" + why + ")");
        }
        return names.isEmpty() ? "aucun" : names.stream().collect(Collectors.joining(" ; "));
    }

    /** Members whose company gives skills or help in kind: named to the president, they voted. */
    private static String flagged(CommitteeSession session, Decision decision) {
        List<String> names = decision.flaggedPersonIds().stream().map(personId -> session.present().stream()
                .filter(a -> a.personId().equals(personId)).map(Attendee::name).findFirst().orElse(personId)).toList();
        return names.isEmpty() ? "aucun" : String.join(" ; ", names) + " (entreprise contributrice au projet)";
    }

    static List<List<String>> means(GrantedMeans means) {
        List<List<String>> rows = new ArrayList<>();
        means.skills().forEach(s -> rows.add(List.of("Mise à disposition de compétences", s.partnerName() + " — " + s.domain()
                + ", " + s.days() + " j × " + PdfReport.euros(s.dailyValue()), PdfReport.euros(s.value()))));
        means.inKind().forEach(k -> rows.add(List.of("Apport en nature", k.description(), PdfReport.euros(k.value()))));
        if (means.advance() != null) {
            rows.add(List.of("Avance remboursable", means.advance().durationMonths() + " mois dont " + means.advance().graceMonths()
                    + " de différé, échéances " + (means.advance().frequency() == GrantedMeans.Frequency.MONTHLY ? "mensuelles"
                    : "trimestrielles"), PdfReport.euros(means.advance().amount())));
        }
        if (means.loan() != null) {
            rows.add(List.of("Prêt bonifié", means.loan().lender() + ", " + means.loan().ratePercent().toPlainString() + " %, "
                    + means.loan().durationMonths() + " mois", PdfReport.euros(means.loan().amount())));
        }
        if (means.directFinancing() != null) {
            rows.add(List.of("Financement direct", means.directFinancing().funder(),
                    PdfReport.euros(means.directFinancing().amount())));
        }
        return rows;
    }

    private static String outcome(Decision.Outcome outcome) {
        return switch (outcome) {
            case APPROVED -> "agréé";
            case REJECTED -> "refusé";
            case POSTPONED -> "ajourné";
        };
    }

    private static String seat(String seat) {
        return switch (seat) {
            case "ASTREES_REPRESENTATIVE" -> "représentant d'ASTREES";
            case "RELAY_STRUCTURE" -> "structure relais";
            default -> "représentant d'un partenaire";
        };
    }
}
