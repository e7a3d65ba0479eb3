package org.alize.localstack;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alize.kernel.BasinCalendar;
import tools.jackson.databind.JsonNode;

/**
 * The Valenciennois' projects of DEMO.md through project-service's API: about twenty projects in every
 * state, four past committee sessions with their decisions (a recusal, a postponement, a rejection),
 * signed conventions with advances of 10 to 25 k€ and their follow-up reports, two of them overdue, and
 * a session to come. Dates are set relative to today, so the story always reads as the past year.
 */
final class ProjectSeeder implements Seeder {

    private static final String BASIN = "valenciennois";
    private static final String[][] SMES = {
            // name, NAF, beneficiary type, forecast jobs, city
            {"Chaudronnerie du Hainaut", "25.62B", "EXISTING_SME_DEVELOPMENT", "6", "Anzin"},
            {"Menuiserie Escaut Bois", "16.23Z", "EXISTING_SME_DEVELOPMENT", "4", "Condé-sur-l'Escaut"},
            {"Ateliers Ferroviaires du Nord", "30.20Z", "EXISTING_SME_DEVELOPMENT", "9", "Valenciennes"},
            {"Boulangerie Scarpe & Fils", "10.71C", "BUSINESS_TAKEOVER", "3", "Saint-Amand-les-Eaux"},
            {"Verre Technique Denain", "23.19Z", "EXISTING_SME_DEVELOPMENT", "7", "Denain"},
            {"Logi'Hainaut Transports", "49.41A", "BUSINESS_TAKEOVER", "5", "Marly"},
            {"Numérique Escaut Conseil", "62.02A", "SME_POTENTIAL_CREATION", "4", "Valenciennes"},
            {"Recyclage Métaux Valenciennes", "38.32Z", "STRUCTURING_PROJECT", "3", "Anzin"},
            {"Imprimerie du Valenciennois", "18.12Z", "BUSINESS_TAKEOVER", "4", "Valenciennes"},
            {"Mécanique de Précision Onnaing", "25.62A", "EXISTING_SME_DEVELOPMENT", "8", "Marly"},
            {"Agro Scarpe Conserves", "10.39A", "EXISTING_SME_DEVELOPMENT", "6", "Saint-Amand-les-Eaux"},
            {"Énergie Solaire Hainaut", "43.21A", "SME_POTENTIAL_CREATION", "5", "Denain"},
            {"Textile Technique du Nord", "13.96Z", "EXISTING_SME_DEVELOPMENT", "4", "Condé-sur-l'Escaut"},
            {"Froid Industriel Escaut", "33.12Z", "BUSINESS_TAKEOVER", "3", "Anzin"},
            {"Plasturgie Valenciennoise", "22.29A", "EXISTING_SME_DEVELOPMENT", "7", "Valenciennes"},
            {"Laboratoire Analyses Hainaut", "71.20B", "STRUCTURING_PROJECT", "2", "Valenciennes"},
            {"Cycles Urbains du Nord", "30.92Z", "SME_POTENTIAL_CREATION", "3", "Denain"},
            {"Traiteur des Flandres", "56.21Z", "BUSINESS_TAKEOVER", "4", "Marly"},
            {"Électronique Embarquée Escaut", "26.11Z", "EXISTING_SME_DEVELOPMENT", "10", "Valenciennes"},
            {"Serrurerie Métallerie Anzin", "25.12Z", "EXISTING_SME_DEVELOPMENT", "3", "Anzin"}};

    private SeedContext context;
    private URI projects;
    private String operator;
    private final Map<String, String> members = new HashMap<>();
    private final Map<String, String> companies = new HashMap<>();
    private LocalDate today;

    @Override
    public String name() {
        return "project-valenciennois";
    }

    @Override
    public void seed(SeedContext context) throws Exception {
        this.context = context;
        this.projects = context.service("project").resolve("/api/basins/" + BASIN);
        this.operator = context.token();
        this.today = BasinCalendar.today(Clock.systemUTC());
        awaitCommittee();
        if (json("GET", "/projects?size=1", null).get("totalItems").asInt() > 0) {
            return; // seeded by an earlier start that stopped before recording it
        }
        for (JsonNode company : context.json("GET", context.service("basin").resolve("/api/basins/" + BASIN
                + "/organisations?kind=PARTNER_COMPANY&size=100"), operator, null).get("items")) {
            companies.put(company.get("name").asString(), company.get("organisationId").asString());
        }
        String roche = member("Isabelle Roche");
        String lefevre = member("Thomas Lefèvre");
        String dubois = member("Nadia Dubois");
        String leroy = member("Olivier Leroy");
        String caron = member("Julie Caron");
        List<String> present = List.of(roche, lefevre, dubois, leroy, caron, member("Claire Martin"), member("Marc Delattre"));
        String hrs = companies.get("Hainaut Rail Systèmes");
        String verrerie = companies.get("Verrerie de l'Escaut");
        String aciers = companies.get("Aciers du Valenciennois");
        String numerique = companies.get("Numérique Nord Services");

        // session 1, eleven months ago: three approvals (one with a recusal), validated a posteriori
        LocalDate s1 = today.minusDays(330);
        List<String> p1 = List.of(ready(0, lefevre, s1.minusDays(60)), ready(1, dubois, s1.minusDays(55)),
                ready(2, roche, s1.minusDays(50)));
        String session1 = held(s1, p1, present);
        conflict(session1, lefevre, p1.get(0), "client historique de l'entreprise");
        approve(session1, p1.get(0), dubois, skills(hrs, "industrialisation", 8), advance(20000, 36, 6));
        approve(session1, p1.get(1), lefevre, skills(verrerie, "procédés", 5), advance(12000, 24, 3));
        approve(session1, p1.get(2), leroy, skills(aciers, "soudure", 10), advance(25000, 48, 6));
        closeAndValidate(session1, s1.plusDays(40));

        // session 2, eight months ago: an approval, a postponement awaiting an expert, a rejection
        LocalDate s2 = today.minusDays(240);
        List<String> p2 = List.of(ready(3, caron, s2.minusDays(45)), ready(4, dubois, s2.minusDays(40)),
                ready(5, lefevre, s2.minusDays(35)));
        String session2 = held(s2, p2, present);
        approve(session2, p2.get(0), caron, "", advance(10000, 24, 0));
        decide(session2, p2.get(1), "POSTPONED", "Le procédé doit être validé par un expert verrier.", null, null, true);
        decide(session2, p2.get(2), "REJECTED", "Marché trop concurrentiel, rentabilité non démontrée.", null, null, false);
        closeAndValidate(session2, s2.plusDays(35));

        // session 3, five months ago: the postponed project comes back with its complementary diagnosis
        LocalDate s3 = today.minusDays(150);
        complementary(p2.get(1), s3.minusDays(20));
        List<String> p3 = List.of(p2.get(1), ready(6, roche, s3.minusDays(30)), ready(7, leroy, s3.minusDays(25)));
        String session3 = held(s3, p3, present);
        approve(session3, p3.get(0), dubois, skills(verrerie, "verre technique", 6), advance(18000, 36, 6));
        approve(session3, p3.get(1), caron, skills(numerique, "développement logiciel", 12), advance(15000, 24, 3));
        approve(session3, p3.get(2), lefevre, "", advance(22000, 36, 6));
        closeAndValidate(session3, s3.plusDays(30));

        // session 4, two months ago: two approvals, one not yet signed; closed, awaiting validation
        LocalDate s4 = today.minusDays(60);
        List<String> p4 = List.of(ready(8, dubois, s4.minusDays(30)), ready(9, roche, s4.minusDays(25)));
        String session4 = held(s4, p4, present);
        approve(session4, p4.get(0), leroy, skills(hrs, "maintenance", 4), advance(14000, 24, 0));
        approve(session4, p4.get(1), caron, skills(aciers, "qualité", 6), advance(16000, 36, 6));
        send("POST", "/sessions/" + session4 + "/close", "");

        // conventions signed after each session, support started; follow-up reports (two projects overdue:
        // one with no report since its signature eight months ago, one whose last report is seven months old)
        signAndFollow(p1.get(0), s1.plusDays(20), List.of(new int[] {150, 2, 1, 0}, new int[] {300, 4, 1, 1}));
        signAndFollow(p1.get(1), s1.plusDays(25), List.of(new int[] {170, 1, 1, 0}));
        signAndFollow(p1.get(2), s1.plusDays(30), List.of(new int[] {100, 3, 0, 1}));
        signAndFollow(p2.get(0), s2.plusDays(15), List.of());
        signAndFollow(p3.get(0), s3.plusDays(15), List.of(new int[] {100, 2, 0, 0}));
        signAndFollow(p3.get(1), s3.plusDays(20), List.of());
        signAndFollow(p3.get(2), s3.plusDays(25), List.of(new int[] {110, 3, 1, 0}));
        sign(p4.get(0), s4.plusDays(20));
        send("POST", "/projects/" + p1.get(1) + "/abandon", "{\"on\":\"" + today.minusDays(20)
                + "\",\"reason\":\"Cessation d'activité après la perte de son principal client\"}");

        // the pipeline of today: submitted, in diagnosis, ready for the next session, withdrawn
        submit(10, roche, today.minusDays(5));
        submit(11, lefevre, today.minusDays(9));
        String diagnosing = submit(12, dubois, today.minusDays(20));
        send("POST", "/projects/" + diagnosing + "/start-diagnosis", on(today.minusDays(18)));
        String diagnosing2 = submit(13, caron, today.minusDays(25));
        send("POST", "/projects/" + diagnosing2 + "/start-diagnosis", on(today.minusDays(22)));
        List<String> next = List.of(ready(14, roche, today.minusDays(30)), ready(15, leroy, today.minusDays(28)),
                ready(16, lefevre, today.minusDays(26)));
        String session5 = json("POST", "/sessions", "{\"scheduledOn\":\"" + today.plusDays(12)
                + "\",\"location\":\"CCI Grand Hainaut, Valenciennes\"}").get("sessionId").asString();
        for (String project : next) {
            send("POST", "/sessions/" + session5 + "/agenda", "{\"projectId\":\"" + project + "\"}");
        }
        // the members are convened: each receives the agenda and the diagnoses by mail
        send("POST", "/sessions/" + session5 + "/convocation", "{}");
        String withdrawn = submit(17, dubois, today.minusDays(40));
        send("POST", "/projects/" + withdrawn + "/withdraw", "{\"on\":\"" + today.minusDays(10)
                + "\",\"reason\":\"Le dirigeant a trouvé un financement bancaire suffisant\"}");
        submit(18, caron, today.minusDays(2));
    }

    private void awaitCommittee() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode committee = context.json("GET", projects.resolve("/api/basins/" + BASIN + "/committee"), operator, null);
            if (!committee.get("president").isNull() && committee.get("members").size() >= 7) {
                committee.get("members").forEach(m -> members.put(m.get("name").asString(), m.get("personId").asString()));
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("project-service has not received the Valenciennois committee from basin-service");
    }

    private String member(String name) {
        String id = members.get(name);
        if (id == null) {
            throw new IllegalStateException("no committee member named " + name);
        }
        return id;
    }

    private String submit(int sme, String prescriber, LocalDate on) throws Exception {
        String[] s = SMES[sme];
        return json("POST", "/projects", """
                {"company":{"name":"%s","nafCode":"%s","headcount":%d,"city":"%s"},
                 "head":{"firstName":"%s","lastName":"%s"},"beneficiaryType":"%s",
                 "needs":{"skillsDomains":["organisation industrielle"],"amountRequested":%d,
                          "description":"Développement de l'activité et recrutements"},
                 "forecastJobs":%s,"prescriberId":"%s","submittedOn":"%s"}
                """.formatted(s[0], s[1], 5 + sme * 2, s[4], FIRST_NAMES[sme % FIRST_NAMES.length],
                LAST_NAMES[sme % LAST_NAMES.length], s[2], 10000 + sme * 1000, s[3], prescriber, on))
                .get("projectId").asString();
    }

    private static final String[] FIRST_NAMES = {"Paul", "Sandrine", "Mehdi", "Céline", "Bruno", "Aurélie", "Karim",
            "Lucie", "Franck", "Nathalie"};
    private static final String[] LAST_NAMES = {"Martin", "Dupuis", "Haddad", "Leclercq", "Vandenberghe", "Lemaire",
            "Bouzid", "Delcourt", "Wattiez", "Descamps"};

    private String ready(int sme, String prescriber, LocalDate submittedOn) throws Exception {
        String project = submit(sme, prescriber, submittedOn);
        send("POST", "/projects/" + project + "/start-diagnosis", on(submittedOn.plusDays(2)));
        send("POST", "/projects/" + project + "/diagnosis", """
                {"kind":"PRELIMINARY","writtenOn":"%s","summary":"Dirigeant expérimenté, marché identifié, plan de recrutement crédible.",
                 "strengths":"carnet de commandes, savoir-faire","risks":"besoin en fonds de roulement",
                 "recommendation":"présenter au comité","scores":{"quality":%d,"holderCapacity":4,"territorialImpact":%d}}
                """.formatted(submittedOn.plusDays(12), 3 + sme % 3, 3 + (sme + 1) % 3));
        send("POST", "/projects/" + project + "/mark-ready", on(submittedOn.plusDays(15)));
        return project;
    }

    private void complementary(String project, LocalDate on) throws Exception {
        send("POST", "/projects/" + project + "/diagnosis", """
                {"kind":"COMPLEMENTARY","writtenOn":"%s","summary":"Le procédé de trempe est maîtrisé ; investissement cohérent.",
                 "professional":"Marc Vermeulen","professionalOrganisation":"Cabinet Verre & Industrie"}
                """.formatted(on));
        send("POST", "/projects/" + project + "/mark-ready", on(on.plusDays(2)));
    }

    private String held(LocalDate on, List<String> agenda, List<String> present) throws Exception {
        String session = json("POST", "/sessions", "{\"scheduledOn\":\"" + on
                + "\",\"location\":\"CCI Grand Hainaut, Valenciennes\"}").get("sessionId").asString();
        for (String project : agenda) {
            send("POST", "/sessions/" + session + "/agenda", "{\"projectId\":\"" + project + "\"}");
        }
        send("POST", "/sessions/" + session + "/attendance", "{\"heldOn\":\"" + on + "\",\"present\":[\""
                + String.join("\",\"", present) + "\"]}");
        return session;
    }

    private void conflict(String session, String person, String project, String reason) throws Exception {
        send("POST", "/sessions/" + session + "/conflicts", "{\"personId\":\"" + person + "\",\"projectId\":\"" + project
                + "\",\"reason\":\"" + reason + "\"}");
    }

    private void approve(String session, String project, String mandatary, String skills, String advance) throws Exception {
        decide(session, project, "APPROVED", "Projet créateur d'emplois durables, porté par une équipe solide.",
                "{" + (skills.isEmpty() ? "" : "\"skills\":[" + skills + "],") + "\"advance\":" + advance + "}", mandatary, false);
    }

    private void decide(String session, String project, String outcome, String motivation, String means, String mandatary,
            boolean complementary) throws Exception {
        send("POST", "/sessions/" + session + "/decisions", """
                {"projectId":"%s","outcome":"%s","motivation":"%s","means":%s,"mandataryId":%s,"complementaryDiagnosisRequested":%s}
                """.formatted(project, outcome, motivation, means == null ? "null" : means,
                mandatary == null ? "null" : "\"" + mandatary + "\"", complementary));
    }

    private static String skills(String partner, String domain, int days) {
        return "{\"partnerId\":\"" + partner + "\",\"domain\":\"" + domain + "\",\"days\":" + days + ",\"dailyValue\":800}";
    }

    private static String advance(int amount, int months, int grace) {
        return "{\"amount\":" + amount + ",\"durationMonths\":" + months + ",\"graceMonths\":" + grace
                + ",\"frequency\":\"MONTHLY\"}";
    }

    private void closeAndValidate(String session, LocalDate validatedOn) throws Exception {
        send("POST", "/sessions/" + session + "/close", "");
        send("POST", "/sessions/" + session + "/validation", "{\"validatedOn\":\"" + validatedOn
                + "\",\"remarks\":\"Décisions conformes aux orientations du comité local de pilotage.\"}");
    }

    /** Every required party signs on {@code on}. */
    private void sign(String project, LocalDate on) throws Exception {
        JsonNode convention = json("GET", "/projects/" + project + "/convention", null);
        for (JsonNode required : convention.get("required")) {
            send("POST", "/projects/" + project + "/signatures", """
                    {"key":"%s","signatory":"%s","signedOn":"%s"}
                    """.formatted(required.get("key").asString(), required.get("party").asString(), on));
        }
    }

    /** Signed on {@code on}; support starts; half the skills days delivered; reports filed {@code days} after signing. */
    private void signAndFollow(String project, LocalDate on, List<int[]> reports) throws Exception {
        sign(project, on);
        send("POST", "/projects/" + project + "/start-follow-up", on(on.plusDays(3)));
        JsonNode missions = json("GET", "/projects/" + project + "/missions", null);
        for (JsonNode mission : missions) {
            send("POST", "/projects/" + project + "/missions/" + mission.get("missionId").asString() + "/deliveries",
                    "{\"deliveredOn\":\"" + on.plusDays(30) + "\",\"days\":" + Math.max(1, mission.get("daysPlanned").asInt() / 2)
                            + ",\"note\":\"diagnostic de l'atelier et plan d'action\"}");
        }
        List<String> bodies = new ArrayList<>();
        for (int[] report : reports) {
            bodies.add("""
                    {"reportedOn":"%s","permanent":%d,"fixedTerm":%d,"fixedTermShort":%d,"apprenticeship":%d,
                     "progress":"Investissement réalisé, recrutements en cours.","author":"mandataire"}
                    """.formatted(on.plusDays(report[0]), report[1], report[2], report[2] > 0 ? 1 : 0, report[3]));
        }
        for (String body : bodies) {
            send("POST", "/projects/" + project + "/reports", body);
        }
    }

    private static String on(LocalDate date) {
        return "{\"on\":\"" + date + "\"}";
    }

    private JsonNode json(String method, String path, String body) throws Exception {
        return context.json(method, URI.create(projects + path), operator, body);
    }

    private void send(String method, String path, String body) throws Exception {
        context.send(method, URI.create(projects + path), operator, body);
    }
}
