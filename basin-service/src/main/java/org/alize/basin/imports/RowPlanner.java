package org.alize.basin.imports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.alize.basin.convention.ConventionRepository;
import org.alize.basin.convention.ConventionService;
import org.alize.basin.convention.ConventionStatus;
import org.alize.basin.convention.PartnershipConvention;
import org.alize.basin.convention.Pledge;
import org.alize.basin.organisation.Address;
import org.alize.basin.organisation.Affiliation;
import org.alize.basin.organisation.AssociatedKind;
import org.alize.basin.organisation.FunderKind;
import org.alize.basin.organisation.Organisation;
import org.alize.basin.organisation.OrganisationKind;
import org.alize.basin.organisation.OrganisationService;
import org.alize.basin.organisation.Person;
import org.alize.basin.organisation.PersonRepository;
import org.alize.basin.organisation.SizeClass;
import org.alize.documents.Spreadsheet;
import org.alize.documents.Spreadsheet.Line;
import org.alize.documents.imports.ImportPlanner;
import org.alize.documents.imports.ImportRow;
import org.alize.documents.imports.Importable;
import org.alize.kernel.problem.ApiProblem;
import org.alize.kernel.problem.InvalidInput;
import org.alize.tenancy.BasinContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static org.alize.documents.imports.Cells.choice;
import static org.alize.documents.imports.Cells.money;
import static org.alize.documents.imports.Cells.problems;
import static org.alize.documents.imports.Cells.required;
import static org.alize.documents.imports.Cells.whole;
import static org.alize.documents.imports.Cells.yesNo;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What each row of an import would do, judged by the domain's own checks (the same {@code Organisation.join},
 * {@code Person.record}, {@code Pledge} a form goes through), against the basin as it stands and the rows above it; and,
 * at the commit, doing it. A row finds what it changes by its natural key (an organisation by its SIRET, or its type and
 * exact name; a person by e-mail), so a row already imported is « déjà à jour ».
 */
@Component
class RowPlanner implements ImportPlanner<RowPlanner.Context> {

    /** What the rows above the one planned have settled: keys seen, organisations to be created, pledges to write. */
    static final class Context {
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<String, ConventionService.PledgeInput> pledges = new LinkedHashMap<>();
        private Optional<PartnershipConvention> draft;

        Map<String, ConventionService.PledgeInput> pledges() {
            return pledges;
        }
    }

    private static final Map<String, OrganisationKind> KINDS = Map.of("entreprise partenaire", OrganisationKind.PARTNER_COMPANY,
            "partenaire entreprise", OrganisationKind.PARTNER_COMPANY, "partenaire associe", OrganisationKind.ASSOCIATED_PARTNER,
            "financeur public", OrganisationKind.PUBLIC_FUNDER, "organisme operateur", OrganisationKind.OPERATOR_BODY);
    private static final Map<String, SizeClass> SIZES = Map.of("tpe", SizeClass.MICRO, "pme", SizeClass.SME,
            "eti", SizeClass.MID_CAP, "ge", SizeClass.LARGE, "grande entreprise", SizeClass.LARGE);
    private static final Map<String, AssociatedKind> ASSOCIATED = Map.of("chambre consulaire", AssociatedKind.CHAMBER,
            "agence de developpement", AssociatedKind.DEVELOPMENT_AGENCY, "comite d expansion", AssociatedKind.EXPANSION_COMMITTEE,
            "pfil", AssociatedKind.PFIL, "service d une collectivite", AssociatedKind.LOCAL_AUTHORITY_SERVICE,
            "autre reseau", AssociatedKind.OTHER_NETWORK);
    private static final Map<String, FunderKind> FUNDERS = Map.of("collectivite", FunderKind.LOCAL_AUTHORITY,
            "etat", FunderKind.STATE_SERVICE, "caisse des depots", FunderKind.CAISSE_DES_DEPOTS);
    private static final Map<String, Affiliation> AFFILIATIONS = Map.of("organisation", Affiliation.ORGANISATION,
            "astrees", Affiliation.ASTREES, "prefecture", Affiliation.PREFECTURE);
    /** Domain fields to the template's columns, for the domain's refusals. */
    private static final Map<String, String> PARTNER_COLUMNS = Map.ofEntries(Map.entry("name", "Nom"),
            Map.entry("siret", "SIRET"), Map.entry("nafCode", "Code NAF"), Map.entry("sizeClass", "Taille"),
            Map.entry("associatedKind", "Type de partenaire associé"), Map.entry("funderKind", "Type de financeur"),
            Map.entry("kind", "Type"), Map.entry("pledges.cash", "Apport en numéraire"),
            Map.entry("pledges.skillsDays", "Jours de compétences"), Map.entry("pledges.skillsDailyValue", "Valeur d'une journée"),
            Map.entry("pledges.inKind", "Apport en nature"));
    private static final Map<String, String> PERSON_COLUMNS = Map.of("firstName", "Prénom", "lastName", "Nom",
            "email", "Courriel", "organisationId", "Organisation");

    private final OrganisationService organisations;
    private final PersonRepository people;
    private final ConventionRepository conventions;
    private final ConventionService conventionService;
    private final MongoTemplate mongo;
    private final Clock clock;

    RowPlanner(OrganisationService organisations, PersonRepository people, ConventionRepository conventions,
            ConventionService conventionService, MongoTemplate mongo, Clock clock) {
        this.conventionService = conventionService;
        this.organisations = organisations;
        this.people = people;
        this.conventions = conventions;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Context context() {
        return new Context();
    }

    @Override
    public Plan plan(Importable kind, Line line, Context context, String by) {
        return kind == ImportKind.PARTNERS ? partner(line, context, by) : person(line, context, by);
    }

    private Plan partner(Line line, Context context, String by) {
        List<ImportRow.Problem> problems = new ArrayList<>();
        OrganisationKind kind = choice(line, "type", "Type", KINDS, OrganisationKind.class, true, problems);
        String name = required(line, "nom", "Nom", problems);
        String siret = line.get("siret") == null ? null : line.get("siret").replaceAll("[\\s.]", "");
        SizeClass size = choice(line, "taille", "Taille", SIZES, SizeClass.class, false, problems);
        AssociatedKind associated = choice(line, "type_de_partenaire_associe", "Type de partenaire associé", ASSOCIATED,
                AssociatedKind.class, false, problems);
        FunderKind funder = choice(line, "type_de_financeur", "Type de financeur", FUNDERS, FunderKind.class, false, problems);
        BigDecimal cash = money(line, "apport_en_numeraire", "Apport en numéraire", problems);
        Integer days = whole(line, "jours_de_competences", "Jours de compétences", 0, 100_000, "un nombre de jours entre 0 et 100 000", problems);
        BigDecimal dailyValue = money(line, "valeur_d_une_journee", "Valeur d'une journée", problems);
        BigDecimal inKind = money(line, "apport_en_nature", "Apport en nature", problems);
        if (!problems.isEmpty() || kind == null) {
            return Plan.refused(problems);
        }
        Address address = line.get("adresse") == null && line.get("code_postal") == null && line.get("ville") == null ? null
                : new Address(line.get("adresse"), line.get("code_postal"), line.get("ville"));
        String key = siret != null ? "siret:" + siret : "name:" + kind + "|" + name.toLowerCase(Locale.ROOT);
        Integer earlier = context.seen.putIfAbsent(key, line.number());
        if (earlier != null) {
            return Plan.refused(List.of(new ImportRow.Problem(siret != null ? "SIRET" : "Nom",
                    "la même organisation qu'à la ligne " + earlier + " du fichier", null)));
        }
        Optional<Organisation> existing = siret != null
                ? Optional.ofNullable(mongo.findOne(query(where("profile.siret").is(siret)), Organisation.class))
                : Optional.ofNullable(mongo.findOne(query(where("kind").is(kind).and("profile.name")
                        .regex("^" + Pattern.quote(name) + "$", "i")), Organisation.class));
        List<org.alize.basin.organisation.Skill> skills = existing.map(o -> o.profile().skills()).orElse(List.of());
        Organisation.Profile profile = new Organisation.Profile(name, siret, line.get("code_naf"), size, associated, funder,
                skills, address);
        Organisation checked;
        try {
            checked = Organisation.join(BasinContext.require(), "apercu", kind, profile, clock.instant(), by);
        } catch (InvalidInput refused) {
            return Plan.refused(problems(refused, PARTNER_COLUMNS, null));
        }
        if (existing.isPresent() && existing.get().kind() != kind) {
            return Plan.refused(List.of(new ImportRow.Problem("Type", existing.get().name() + " est déjà enregistrée avec "
                    + "un autre type ; on ne change pas le type d'une organisation", null)));
        }
        if (existing.isPresent() && !existing.get().active()) {
            return Plan.refused(List.of(new ImportRow.Problem(null, existing.get().name()
                    + " s'est retirée du partenariat : sa fiche est figée", null)));
        }
        boolean pledged = cash != null || days != null || dailyValue != null || inKind != null;
        ConventionService.PledgeInput pledge = null;
        Pledge current = null;
        if (pledged) {
            if (context.draft == null) {
                context.draft = conventions.findByStatus(ConventionStatus.DRAFT).stream().findFirst();
            }
            if (context.draft.isEmpty()) {
                return Plan.refused(List.of(new ImportRow.Problem("Apport en numéraire", "aucune convention de partenariat "
                        + "n'est en négociation dans le bassin : ouvrez-la avant d'y importer des engagements", "R-10")));
            }
            pledge = new ConventionService.PledgeInput(null, cash, days == null ? 0 : days, dailyValue, inKind,
                    "importé le " + org.alize.kernel.BasinCalendar.today(clock));
            try {
                new Pledge("apercu", name, kind, checked.resourceCategory(), cash, pledge.skillsDays(), dailyValue, inKind, null);
            } catch (InvalidInput refused) {
                return Plan.refused(problems(refused, PARTNER_COLUMNS, "R-10"));
            }
            String organisationId = existing.map(Organisation::id).orElse(null);
            current = organisationId == null ? null : context.draft.get().terms().pledges().stream()
                    .filter(p -> p.organisationId().equals(organisationId)).findFirst().orElse(null);
        }
        List<String> changes = new ArrayList<>();
        if (existing.isPresent()) {
            Organisation.Profile was = existing.get().profile();
            Organisation.Profile now = checked.profile();
            compare(changes, "nom", was.name(), now.name());
            compare(changes, "code NAF", was.nafCode(), now.nafCode());
            compare(changes, "taille", was.sizeClass(), now.sizeClass());
            compare(changes, "type de partenaire associé", was.associatedKind(), now.associatedKind());
            compare(changes, "type de financeur", was.funderKind(), now.funderKind());
            compare(changes, "adresse", was.address(), now.address());
        }
        boolean profileChanges = !changes.isEmpty();
        if (pledge != null && (current == null || !same(current, pledge))) {
            changes.add(current == null ? "engagement dans la convention en négociation" : "engagement modifié");
        }
        ConventionService.PledgeInput pledgeToWrite = pledge;
        if (existing.isEmpty()) {
            return new Plan(ImportRow.Outcome.CREATE, null, kindLabel(kind) + (pledge != null ? ", avec son engagement" : ""),
                    List.of(), () -> {
                        Organisation made = organisations.join(kind, checked.profile(), by);
                        if (pledgeToWrite != null) {
                            context.pledges.put(made.id(), withOrganisation(pledgeToWrite, made.id()));
                        }
                        return made.id();
                    });
        }
        Organisation found = existing.get();
        if (pledge != null) {
            context.pledges.put(found.id(), withOrganisation(pledge, found.id()));
        }
        if (changes.isEmpty()) {
            return new Plan(ImportRow.Outcome.UNCHANGED, found.id(), null, List.of(), found::id);
        }
        return new Plan(ImportRow.Outcome.UPDATE, found.id(), String.join(", ", changes), List.of(), () -> {
            if (profileChanges) {
                organisations.update(found.id(), checked.profile(), by);
            }
            return found.id();
        });
    }

    private Plan person(Line line, Context context, String by) {
        List<ImportRow.Problem> problems = new ArrayList<>();
        String first = required(line, "prenom", "Prénom", problems);
        String last = required(line, "nom", "Nom", problems);
        Affiliation affiliation = choice(line, "rattachement", "Rattachement", AFFILIATIONS, Affiliation.class, false, problems);
        affiliation = affiliation == null ? Affiliation.ORGANISATION : affiliation;
        Boolean active = yesNo(line, "en_activite", "En activité", problems);
        String email = line.get("courriel") == null ? null : line.get("courriel").toLowerCase(Locale.ROOT);
        String organisationId = null;
        String named = line.get("organisation");
        if (affiliation == Affiliation.ORGANISATION) {
            if (named == null) {
                problems.add(new ImportRow.Problem("Organisation", "l'organisation représentée est obligatoire (son SIRET ou son nom)", "R-06"));
            } else {
                String siret = named.replaceAll("[\\s.]", "");
                Organisation organisation = siret.matches("\\d{14}")
                        ? mongo.findOne(query(where("profile.siret").is(siret)), Organisation.class)
                        : mongo.findOne(query(where("profile.name").regex("^" + Pattern.quote(named) + "$", "i")), Organisation.class);
                if (organisation != null && !organisation.active()) {
                    problems.add(new ImportRow.Problem("Organisation", organisation.name() + " s'est retirée du partenariat", null));
                } else if (organisation != null) {
                    organisationId = organisation.id();
                } else {
                    problems.add(new ImportRow.Problem("Organisation", "aucune organisation « " + named
                            + " » dans le bassin (importez d'abord les partenaires)", null));
                }
            }
        } else if (named != null) {
            problems.add(new ImportRow.Problem("Organisation", "un représentant d'ASTREES ou de la préfecture ne représente "
                    + "pas une organisation du bassin", "R-07"));
        }
        if (!problems.isEmpty()) {
            return Plan.refused(problems);
        }
        String key = email != null ? "email:" + email : "name:" + first.toLowerCase(Locale.ROOT) + "|" + last.toLowerCase(Locale.ROOT)
                + "|" + Objects.requireNonNullElse(named, affiliation.name()).toLowerCase(Locale.ROOT);
        Integer earlier = context.seen.putIfAbsent(key, line.number());
        if (earlier != null) {
            return Plan.refused(List.of(new ImportRow.Problem(email != null ? "Courriel" : "Nom",
                    "la même personne qu'à la ligne " + earlier + " du fichier", null)));
        }
        Person.Details details = new Person.Details(first, last, email, line.get("telephone"), affiliation, organisationId,
                line.get("fonction"));
        boolean inActivity = active == null || active;
        try {
            Person.record(BasinContext.require(), "apercu", details, inActivity, clock.instant(), by);
        } catch (InvalidInput refused) {
            return Plan.refused(problems(refused, PERSON_COLUMNS, null));
        }
        Optional<Person> existing = email != null ? people.findByEmail(email) : Optional.empty();
        if (existing.isPresent() && existing.get().erased()) {
            return Plan.refused(List.of(new ImportRow.Problem("Courriel", "cette personne a été effacée à sa demande : "
                    + "ses données ne peuvent plus être modifiées", null)));
        }
        if (existing.isEmpty()) {
            return new Plan(ImportRow.Outcome.CREATE, null, affiliation == Affiliation.ORGANISATION ? "représentant de "
                    + named : "représentant " + (affiliation == Affiliation.ASTREES ? "d'ASTREES" : "de la préfecture"), List.of(),
                    () -> organisations.recordPerson(details, inActivity, by).id());
        }
        Person found = existing.get();
        List<String> changes = new ArrayList<>();
        Person.Details was = found.details();
        compare(changes, "prénom", was.firstName(), first);
        compare(changes, "nom", was.lastName(), last);
        compare(changes, "téléphone", was.phone(), line.get("telephone"));
        compare(changes, "rattachement", was.affiliation(), affiliation);
        compare(changes, "organisation", was.organisationId(), organisationId);
        compare(changes, "fonction", was.jobTitle(), line.get("fonction"));
        compare(changes, "en activité", found.inActivity(), inActivity);
        if (changes.isEmpty()) {
            return new Plan(ImportRow.Outcome.UNCHANGED, found.id(), null, List.of(), found::id);
        }
        return new Plan(ImportRow.Outcome.UPDATE, found.id(), String.join(", ", changes), List.of(),
                () -> organisations.updatePerson(found.id(), details, inActivity, by).id());
    }

    /** Writes the pledges the rows gathered into the convention being negotiated, in one revision. */
    /** The pledges the rows gathered, written in one revision of the convention being negotiated. */
    @Override
    public void finish(Importable kind, Context context, String by) {
        if (context.pledges.isEmpty() || context.draft == null || context.draft.isEmpty()) {
            return;
        }
        PartnershipConvention draft = conventionService.get(context.draft.get().id());
        Map<String, ConventionService.PledgeInput> merged = new LinkedHashMap<>();
        for (Pledge p : draft.terms().pledges()) {
            merged.put(p.organisationId(), new ConventionService.PledgeInput(p.organisationId(), p.cash(), p.skillsDays(),
                    p.skillsDailyValue(), p.inKind(), p.note()));
        }
        boolean changed = false;
        for (Map.Entry<String, ConventionService.PledgeInput> entry : context.pledges.entrySet()) {
            ConventionService.PledgeInput before = merged.get(entry.getKey());
            if (before == null || !same(before, entry.getValue())) {
                merged.put(entry.getKey(), entry.getValue());
                changed = true;
            }
        }
        if (changed) {
            conventionService.revise(draft.id(), List.copyOf(merged.values()), draft.terms(), by);
        }
    }

    private static boolean same(Pledge current, ConventionService.PledgeInput asked) {
        return same(new ConventionService.PledgeInput(current.organisationId(), current.cash(), current.skillsDays(),
                current.skillsDailyValue(), current.inKind(), null), asked);
    }

    private static boolean same(ConventionService.PledgeInput a, ConventionService.PledgeInput b) {
        return amount(a.cash()) == amount(b.cash()) && a.skillsDays() == b.skillsDays()
                && amount(a.skillsDailyValue()) == amount(b.skillsDailyValue()) && amount(a.inKind()) == amount(b.inKind());
    }

    private static long amount(BigDecimal value) {
        return value == null ? 0 : value.movePointRight(2).longValue();
    }

    private static ConventionService.PledgeInput withOrganisation(ConventionService.PledgeInput p, String organisationId) {
        return new ConventionService.PledgeInput(organisationId, p.cash(), p.skillsDays(), p.skillsDailyValue(), p.inKind(),
                p.note());
    }

    private static String kindLabel(OrganisationKind kind) {
        return switch (kind) {
            case PARTNER_COMPANY -> "entreprise partenaire";
            case ASSOCIATED_PARTNER -> "partenaire associé";
            case PUBLIC_FUNDER -> "financeur public";
            case OPERATOR_BODY -> "organisme opérateur";
        };
    }

    private static void compare(List<String> changes, String label, Object was, Object now) {
        if (!Objects.equals(was, now)) {
            changes.add(label);
        }
    }
}
