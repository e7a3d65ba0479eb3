package org.alize.project.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.alize.documents.Spreadsheet.Line;
import org.alize.documents.imports.ImportPlanner;
import org.alize.documents.imports.ImportRow;
import org.alize.documents.imports.Importable;
import org.alize.kernel.problem.ApiProblem;
import org.alize.project.basin.Replica;
import org.alize.project.followup.Jobs;
import org.alize.project.project.BeneficiaryType;
import org.alize.project.project.Company;
import org.alize.project.project.Decision;
import org.alize.project.project.Head;
import org.alize.project.project.Needs;
import org.alize.project.project.PastDecision;
import org.alize.project.project.Project;
import org.alize.project.project.ProjectService;
import org.alize.project.project.Submission;
import org.springframework.stereotype.Component;

import static org.alize.documents.imports.Cells.abbreviate;
import static org.alize.documents.imports.Cells.choice;
import static org.alize.documents.imports.Cells.date;
import static org.alize.documents.imports.Cells.problems;
import static org.alize.documents.imports.Cells.required;
import static org.alize.documents.imports.Cells.requiredDate;
import static org.alize.documents.imports.Cells.text;
import static org.alize.documents.imports.Cells.whole;

/**
 * Judges a row of past projects: read on the template's columns, its prescriber and mandatary found in the basin's
 * register by their address, then judged by the domain as {@link Project#recordPast} would take it up. A project
 * already taken up (its reference of origin) is left as it is: importing the same file again changes nothing.
 */
@Component
class PastProjectPlanner implements ImportPlanner<PastProjectPlanner.Context> {

    /** The references of origin the rows above have used, and the people of the register found by address. */
    static final class Context {
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<String, Optional<Replica.Person>> people = new HashMap<>();
    }

    private static final Map<String, BeneficiaryType> BENEFICIARIES = Map.of(
            "pme en developpement", BeneficiaryType.EXISTING_SME_DEVELOPMENT, "developpement", BeneficiaryType.EXISTING_SME_DEVELOPMENT,
            "reprise", BeneficiaryType.BUSINESS_TAKEOVER, "reprise d entreprise", BeneficiaryType.BUSINESS_TAKEOVER,
            "projet structurant", BeneficiaryType.STRUCTURING_PROJECT, "structurant", BeneficiaryType.STRUCTURING_PROJECT,
            "creation", BeneficiaryType.SME_POTENTIAL_CREATION, "creation a potentiel", BeneficiaryType.SME_POTENTIAL_CREATION);
    private static final Map<String, Decision.Outcome> OUTCOMES = Map.of("agree", Decision.Outcome.APPROVED,
            "agreee", Decision.Outcome.APPROVED, "accepte", Decision.Outcome.APPROVED, "refuse", Decision.Outcome.REJECTED,
            "refusee", Decision.Outcome.REJECTED, "ajourne", Decision.Outcome.POSTPONED);
    private static final Map<String, PastDecision.End> ENDS = Map.of("clos", PastDecision.End.CLOSED,
            "cloture", PastDecision.End.CLOSED, "close", PastDecision.End.CLOSED, "abandonne", PastDecision.End.ABANDONED,
            "abandon", PastDecision.End.ABANDONED);
    /** The domain's fields to the template's columns, for its refusals. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("company.name", "Entreprise"),
            Map.entry("company.siret", "SIRET"), Map.entry("company.createdOn", "Date de dépôt"),
            Map.entry("head.lastName", "Nom du dirigeant"), Map.entry("forecastJobs", "Emplois prévus"),
            Map.entry("submittedOn", "Date de dépôt"), Map.entry("decidedOn", "Date de décision"),
            Map.entry("outcome", "Décision"), Map.entry("minutes", "Procès-verbal"), Map.entry("signedOn", "Date de signature"),
            Map.entry("endedOn", "Date de fin"), Map.entry("endReason", "Motif de fin"), Map.entry("jobs", "Emplois en CDI"),
            Map.entry("prescriberId", "Prescripteur"), Map.entry("mandataryId", "Mandataire"),
            Map.entry("reportedOn", "Date de fin"));
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,}$");
    private static final Pattern REFERENCE = Pattern.compile("^[\\p{L}0-9][\\p{L}0-9 ._/-]{0,39}$");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ProjectService projects;

    PastProjectPlanner(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public Context context() {
        return new Context();
    }

    @Override
    public Plan plan(Importable kind, Line line, Context context, String by) {
        List<ImportRow.Problem> problems = new ArrayList<>();
        String former = required(line, "reference_d_origine", "Référence d'origine", problems);
        if (former != null && !REFERENCE.matcher(former).matches()) {
            problems.add(new ImportRow.Problem("Référence d'origine", "au plus 40 lettres, chiffres, espaces, points, tirets "
                    + "ou barres obliques", null));
            former = null;
        }
        String company = text(line, "entreprise", "Entreprise", 160, true, problems);
        String siret = line.get("siret") == null ? null : line.get("siret").replaceAll("[\\s.]", "");
        String naf = text(line, "code_naf", "Code NAF", 10, false, problems);
        Integer headcount = whole(line, "effectif", "Effectif", 0, 100_000, "un effectif entre 0 et 100 000", problems);
        String city = text(line, "commune", "Commune", 100, false, problems);
        String headFirst = text(line, "prenom_du_dirigeant", "Prénom du dirigeant", 80, false, problems);
        String headLast = text(line, "nom_du_dirigeant", "Nom du dirigeant", 80, true, problems);
        String headEmail = email(line, "courriel_du_dirigeant", "Courriel du dirigeant", problems);
        BeneficiaryType beneficiary = choice(line, "type_de_beneficiaire", "Type de bénéficiaire", BENEFICIARIES,
                BeneficiaryType.class, true, problems);
        Integer forecast = whole(line, "emplois_prevus", "Emplois prévus", 0, 1_000, "de 0 à 1 000 emplois (R-21)", problems);
        if (forecast == null && line.get("emplois_prevus") == null) {
            problems.add(new ImportRow.Problem("Emplois prévus", "obligatoire", "R-21"));
        }
        LocalDate submittedOn = requiredDate(line, "date_de_depot", "Date de dépôt", problems);
        Replica.Person prescriber = person(line, "prescripteur", "Prescripteur", true, context, problems);
        LocalDate decidedOn = requiredDate(line, "date_de_decision", "Date de décision", problems);
        Decision.Outcome outcome = choice(line, "decision", "Décision", OUTCOMES, Decision.Outcome.class, true, problems);
        String motivation = text(line, "motivation", "Motivation", 2_000, false, problems);
        String minutes = text(line, "proces_verbal", "Procès-verbal", 200, false, problems);
        Replica.Person mandatary = person(line, "mandataire", "Mandataire", false, context, problems);
        LocalDate signedOn = date(line, "date_de_signature", "Date de signature", problems);
        PastDecision.End end = choice(line, "fin_du_suivi", "Fin du suivi", ENDS, PastDecision.End.class, false, problems);
        LocalDate endedOn = date(line, "date_de_fin", "Date de fin", problems);
        String endReason = text(line, "motif_de_fin", "Motif de fin", 500, false, problems);
        Integer permanent = whole(line, "emplois_en_cdi", "Emplois en CDI", 0, 10_000, "de 0 à 10 000", problems);
        Integer fixedTerm = whole(line, "emplois_en_cdd_de_6_mois_ou_plus", "Emplois en CDD de 6 mois ou plus", 0, 10_000,
                "de 0 à 10 000", problems);
        Integer other = whole(line, "autres_emplois", "Autres emplois", 0, 10_000, "de 0 à 10 000", problems);
        if (former != null) {
            Integer earlier = context.seen.putIfAbsent(former, line.number());
            if (earlier != null) {
                problems.add(new ImportRow.Problem("Référence d'origine", "déjà à la ligne " + earlier + " de ce fichier", null));
            }
        }
        if (!problems.isEmpty()) {
            return Plan.refused(problems);
        }
        Optional<Project> taken = projects.findPast(former);
        if (taken.isPresent()) {
            String id = taken.get().id();
            return new Plan(ImportRow.Outcome.UNCHANGED, id, "déjà repris : projet " + taken.get().reference(), List.of(),
                    () -> id);
        }
        Submission submission = new Submission(new Company(company, siret, naf, null, headcount, city),
                new Head(headFirst, headLast, headEmail, null), beneficiary, new Needs(List.of(), null, null), forecast,
                List.of());
        Jobs jobs = permanent == null && fixedTerm == null && other == null ? null
                : new Jobs(n(permanent), n(fixedTerm), 0, 0, n(other));
        PastDecision past = new PastDecision(decidedOn, outcome, motivation, minutes,
                mandatary == null ? null : mandatary.personId(), mandatary == null ? null : mandatary.name(), signedOn, end,
                endedOn, endReason, jobs);
        String prescriberId = prescriber.personId();
        String reference = former;
        try {
            projects.judgePast(reference, submission, prescriberId, submittedOn, past);
        } catch (ApiProblem refused) {
            return Plan.refused(problems(refused, COLUMNS, rule(refused)));
        }
        return new Plan(ImportRow.Outcome.CREATE, null, summary(past), List.of(),
                () -> projects.recordPast(reference, submission, prescriberId, submittedOn, past, by).id());
    }

    private static String summary(PastDecision past) {
        StringBuilder what = new StringBuilder(past.outcome() == Decision.Outcome.APPROVED ? "agréé" : "refusé")
                .append(" le ").append(FRENCH.format(past.decidedOn()));
        if (past.signedOn() != null) {
            what.append(", convention signée le ").append(FRENCH.format(past.signedOn()));
        }
        if (past.end() != null) {
            what.append(past.end() == PastDecision.End.CLOSED ? ", clos le " : ", abandonné le ")
                    .append(FRENCH.format(past.endedOn()));
        } else if (past.signedOn() != null) {
            what.append(", en suivi");
        }
        if (past.jobs() != null) {
            what.append(", ").append(past.jobs().lasting()).append(" emploi(s) durable(s)");
        }
        return what.toString();
    }

    private static String rule(ApiProblem refused) {
        Object rule = refused.properties().get("rule");
        return rule == null ? null : rule.toString();
    }

    private static int n(Integer value) {
        return value == null ? 0 : value;
    }

    private static String email(Line line, String column, String label, List<ImportRow.Problem> problems) {
        String value = line.get(column);
        if (value != null && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            problems.add(new ImportRow.Problem(label, "« " + abbreviate(value) + " » n'est pas une adresse de courriel", null));
            return null;
        }
        return value;
    }

    /** A person of the register named by their address; the same address is looked up once per file. */
    private Replica.Person person(Line line, String column, String label, boolean required, Context context,
            List<ImportRow.Problem> problems) {
        String address = email(line, column, label, problems);
        if (address == null) {
            if (required && line.get(column) == null) {
                problems.add(new ImportRow.Problem(label, "obligatoire : le courriel d'une personne du registre", null));
            }
            return null;
        }
        Optional<Replica.Person> found = context.people.computeIfAbsent(address.toLowerCase(java.util.Locale.ROOT),
                a -> projects.registeredByEmail(address));
        if (found.isEmpty()) {
            problems.add(new ImportRow.Problem(label, "personne du registre du bassin à l'adresse « " + abbreviate(address)
                    + " » : importez d'abord les personnes", null));
            return null;
        }
        return found.get();
    }
}
