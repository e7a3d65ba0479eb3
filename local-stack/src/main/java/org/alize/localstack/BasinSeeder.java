package org.alize.localstack;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.alize.kernel.BasinCalendar;

/**
 * The network of DEMO.md in basin-service, through its public API: the Valenciennois active on its
 * second (renewed) convention with 10 partner companies, 4 associated partners and 4 public funders,
 * its operator, committees and support schemes; Flandre – Dunkerque validated, operator appointed,
 * convention in negotiation with three partner companies (one short of R-05); Terres de Lorraine
 * proposed; and the year's network meetings.
 */
final class BasinSeeder implements Seeder {

    static final String FUND_IBAN = "FR7630006000011234567890189";
    static final String OPERATING_IBAN = "FR7630004000031234567890143";
    private static final String[] COMPANIES = {"Hainaut Rail Systèmes", "Verrerie de l'Escaut", "Aciers du Valenciennois",
            "Nord Automobile Assemblage", "Énergies de l'Escaut", "Logistique Hauts-de-France", "Banque Régionale du Nord",
            "Mutuelle du Hainaut", "Agro Scarpe", "Numérique Nord Services"};
    private static final String[] NAF = {"30.20Z", "23.13Z", "24.10Z", "29.10Z", "35.11Z", "52.10B", "64.19Z", "65.12Z",
            "10.89Z", "62.02A"};
    private static final String[] SKILLS = {"industrialisation", "verre et procédés", "métallurgie", "lean management",
            "énergie", "logistique", "financement", "ressources humaines", "qualité agroalimentaire", "numérique"};

    private SeedContext context;
    private URI basinService;
    private String astrees;

    @Override
    public String name() {
        return "basin-network";
    }

    @Override
    public void seed(SeedContext context) throws Exception {
        this.context = context;
        this.basinService = context.service("basin");
        this.astrees = context.token();
        if (context.json("GET", basinService.resolve("/api/network/basins?q=valenciennois"), astrees, null)
                .get("totalItems").asInt() > 0) {
            return; // seeded by an earlier start that stopped before recording it
        }
        valenciennois();
        flandreDunkerque();
        terresDeLorraine();
        networkMeetings();
    }

    private void valenciennois() throws Exception {
        Basin b = new Basin("valenciennois");
        register(b, "Bassin du Valenciennois", "Hauts-de-France", """
                [{"inseeCode":"59606","name":"Valenciennes"},{"inseeCode":"59172","name":"Condé-sur-l'Escaut"},
                 {"inseeCode":"59009","name":"Anzin"},{"inseeCode":"59153","name":"Denain"},
                 {"inseeCode":"59526","name":"Saint-Amand-les-Eaux"},{"inseeCode":"59383","name":"Marly"}]""",
                "[\"FORESEEABLE_INDUSTRIAL_CHANGE\",\"WEAK_ENDOGENOUS_DEVELOPMENT\"]",
                "Bassin industriel (ferroviaire, automobile, verre, acier) en mutation ; deuxième convention.");
        validate(b, "2018-11-22", "CNP-2018-11-04");

        List<String> companies = new ArrayList<>();
        for (int i = 0; i < COMPANIES.length; i++) {
            companies.add(b.organisation("""
                    {"kind":"PARTNER_COMPANY","name":"%s","siret":"%s","nafCode":"%s","sizeClass":"%s",
                     "skills":[{"domain":"%s","indicativeDaysPerYear":%d}],
                     "address":{"postcode":"59300","city":"Valenciennes"}}
                    """.formatted(COMPANIES[i], siret(i + 1), NAF[i], i < 6 ? "LARGE" : "MID_CAP", SKILLS[i], 10 + i * 2)));
        }
        String cci = b.organisation("{\"kind\":\"ASSOCIATED_PARTNER\",\"name\":\"CCI Grand Hainaut\",\"associatedKind\":\"CHAMBER\"}");
        String vmd = b.organisation("{\"kind\":\"ASSOCIATED_PARTNER\",\"name\":\"Valenciennes Métropole Développement\","
                + "\"associatedKind\":\"DEVELOPMENT_AGENCY\"}");
        String pfil = b.organisation("{\"kind\":\"ASSOCIATED_PARTNER\",\"name\":\"Initiative Valenciennes\",\"associatedKind\":\"PFIL\"}");
        String eco = b.organisation("{\"kind\":\"ASSOCIATED_PARTNER\",\"name\":\"Service économique de Valenciennes Métropole\","
                + "\"associatedKind\":\"LOCAL_AUTHORITY_SERVICE\"}");
        String region = b.organisation("{\"kind\":\"PUBLIC_FUNDER\",\"name\":\"Région Hauts-de-France\",\"funderKind\":\"LOCAL_AUTHORITY\"}");
        String departement = b.organisation("{\"kind\":\"PUBLIC_FUNDER\",\"name\":\"Département du Nord\",\"funderKind\":\"LOCAL_AUTHORITY\"}");
        String dreets = b.organisation("{\"kind\":\"PUBLIC_FUNDER\",\"name\":\"DREETS Hauts-de-France\",\"funderKind\":\"STATE_SERVICE\"}");
        String cdc = b.organisation("{\"kind\":\"PUBLIC_FUNDER\",\"name\":\"Caisse des dépôts\",\"funderKind\":\"CAISSE_DES_DEPOTS\"}");

        String karim = b.person("Karim", "Benali", "karim.benali@vmd.example", vmd, "ORGANISATION", "Chargé de mission ALIZÉ");
        String roche = b.person("Isabelle", "Roche", "isabelle.roche@hainaut-rail.example", companies.get(0), "ORGANISATION",
                "Directrice des ressources humaines");
        String lefevre = b.person("Thomas", "Lefèvre", "thomas.lefevre@verrerie-escaut.example", companies.get(1),
                "ORGANISATION", "Directeur industriel");
        String dubois = b.person("Nadia", "Dubois", "nadia.dubois@aciers-valenciennois.example", companies.get(2),
                "ORGANISATION", "Directrice de site");
        String leroy = b.person("Olivier", "Leroy", "olivier.leroy@nord-auto.example", companies.get(3), "ORGANISATION",
                "Responsable achats");
        String caron = b.person("Julie", "Caron", "julie.caron@banque-nord.example", companies.get(6), "ORGANISATION",
                "Chargée d'affaires entreprises");
        String chambre = b.person("Marc", "Delattre", "marc.delattre@cci-grand-hainaut.example", cci, "ORGANISATION",
                "Conseiller entreprises");
        String martin = b.person("Claire", "Martin", "claire.martin@astrees.example", null, "ASTREES", "Chargée de mission réseau");
        String prefet = b.person("Jean", "Morel", null, null, "PREFECTURE", "Sous-préfet de Valenciennes");
        b.send("PUT", "/operator", """
                {"holders":[{"organisationId":"%s"}],"appointedOn":"2018-12-10",
                 "consensus":{"agreedOn":"2018-12-03","partnersAgreed":true,"steeringChairAgreed":true,"astreesAgreed":true},
                 "accounts":{"advanceFund":"%s","operating":"%s"}}
                """.formatted(vmd, FUND_IBAN, OPERATING_IBAN));

        // the first convention, then its renewal; both run from 1 July to 30 June, so their years are not
        // calendar years; the renewal is in force today, in its second or third year, whatever the date
        LocalDate renewalStarts = renewalStart(BasinCalendar.today(Clock.systemUTC()));
        LocalDate firstStarts = renewalStarts.minusYears(3);
        Map<String, String> firstPledges = new LinkedHashMap<>();
        companies.subList(0, 8).forEach(c -> firstPledges.put(c, "{\"cash\":30000,\"skillsDays\":10,\"skillsDailyValue\":750}"));
        firstPledges.put(cci, "{\"cash\":60000}");
        firstPledges.put(vmd, "{\"cash\":60000}");
        firstPledges.put(region, "{\"cash\":200000}");
        firstPledges.put(cdc, "{\"cash\":110000}");
        String first = b.json("POST", "/conventions", """
                {"startsOn":"%s","pledges":[%s],"budget":%s,"operatorReimbursementAgreedByAllPartners":true}
                """.formatted(firstStarts, pledges(firstPledges), budget("8000"))).get("conventionId").asString();
        b.sign(first, firstPledges.keySet(), vmd, firstStarts.minusDays(16).toString());
        String second = b.json("POST", "/conventions/" + first + "/renew", null).get("conventionId").asString();
        Map<String, String> pledges = new LinkedHashMap<>();
        companies.forEach(c -> pledges.put(c, "{\"cash\":33400,\"skillsDays\":10,\"skillsDailyValue\":800}"));
        List.of(cci, vmd, pfil, eco).forEach(a -> pledges.put(a, "{\"cash\":40500}"));
        pledges.put(region, "{\"cash\":103500}");
        pledges.put(departement, "{\"cash\":103500}");
        pledges.put(dreets, "{\"cash\":58500}");
        pledges.put(cdc, "{\"cash\":58500}");
        b.send("PUT", "/conventions/" + second, """
                {"pledges":[%s],"budget":%s,"operatorReimbursementAgreedByAllPartners":true,
                 "specificObjectives":["Accompagner les reprises d'entreprises industrielles","Soutenir la filière ferroviaire"],
                 "labourMarketArticulation":"Articulation avec France Travail et la maison de l'emploi du Valenciennois."}
                """.formatted(pledges(pledges), budget("8000")));
        b.sign(second, pledges.keySet(), vmd, renewalStarts.minusDays(19).toString());
        context.send("POST", basinService.resolve("/api/network/basins/valenciennois/activate"), astrees,
                "{\"reason\":\"opérateur désigné, convention renouvelée et signée\"}");
        String from = renewalStarts.toString();

        for (String member : List.of(roche, lefevre, dubois, leroy, caron)) {
            b.send("POST", "/committees/approval/members",
                    "{\"personId\":\"" + member + "\",\"seat\":\"PARTNER_REPRESENTATIVE\",\"from\":\"" + from + "\"}");
        }
        b.send("POST", "/committees/approval/members",
                "{\"personId\":\"" + chambre + "\",\"seat\":\"RELAY_STRUCTURE\",\"voting\":false,\"from\":\"" + from + "\"}");
        b.send("POST", "/committees/approval/members",
                "{\"personId\":\"" + martin + "\",\"seat\":\"ASTREES_REPRESENTATIVE\",\"from\":\"" + from + "\"}");
        b.send("POST", "/committees/approval/president", "{\"personId\":\"" + roche + "\",\"from\":\"" + from + "\"}");
        b.send("POST", "/committees/steering/chair",
                "{\"kind\":\"PREFECT\",\"personId\":\"" + prefet + "\",\"from\":\"" + from + "\"}");
        for (String member : List.of(karim, roche, martin)) {
            b.send("POST", "/committees/steering/members", "{\"personId\":\"" + member + "\",\"from\":\"" + from + "\"}");
        }
        b.send("POST", "/support-schemes", "{\"name\":\"Initiative Valenciennes\",\"kind\":\"PFIL\","
                + "\"description\":\"Prêts d'honneur aux créateurs et repreneurs\"}");
        b.send("POST", "/support-schemes", "{\"name\":\"Réseau Entreprendre Hainaut\",\"kind\":\"RESEAU_ENTREPRENDRE\"}");
        b.send("POST", "/support-schemes", "{\"name\":\"France Active Nord\",\"kind\":\"FRANCE_ACTIVE\"}");
    }

    /**
     * The 1 July the Valenciennois' renewed convention started on: at least a year before {@code today} (so a year of
     * committee sessions falls within it) and less than two (so it is still in force).
     */
    static LocalDate renewalStart(LocalDate today) {
        return LocalDate.of(today.getYear() - (today.getMonthValue() >= 7 ? 1 : 2), 7, 1);
    }

    private void flandreDunkerque() throws Exception {
        Basin b = new Basin("flandre-dunkerque");
        register(b, "Flandre – Dunkerque", "Hauts-de-France", """
                [{"inseeCode":"59183","name":"Dunkerque"},{"inseeCode":"59271","name":"Grande-Synthe"},
                 {"inseeCode":"59155","name":"Coudekerque-Branche"},{"inseeCode":"59273","name":"Gravelines"}]""",
                "[\"FORESEEABLE_INDUSTRIAL_CHANGE\"]",
                "Zone industrialo-portuaire ; convention en négociation avec trois entreprises partenaires.");
        validate(b, "2025-06-12", "CNP-2025-06-02");
        Map<String, String> pledges = new LinkedHashMap<>();
        String[] names = {"Sidérurgie du Littoral", "Terminal Méthanier des Flandres", "Chantiers Navals de la Côte d'Opale"};
        for (int i = 0; i < names.length; i++) {
            pledges.put(b.organisation("""
                    {"kind":"PARTNER_COMPANY","name":"%s","siret":"%s","sizeClass":"LARGE"}
                    """.formatted(names[i], siret(50 + i))), "{\"cash\":50000,\"skillsDays\":15,\"skillsDailyValue\":800}");
        }
        String agur = b.organisation("{\"kind\":\"ASSOCIATED_PARTNER\",\"name\":\"Dunkerque Promotion\","
                + "\"associatedKind\":\"DEVELOPMENT_AGENCY\"}");
        pledges.put(b.organisation("{\"kind\":\"PUBLIC_FUNDER\",\"name\":\"Communauté urbaine de Dunkerque\","
                + "\"funderKind\":\"LOCAL_AUTHORITY\"}"), "{\"cash\":150000}");
        b.person("Sophie", "Vasseur", "sophie.vasseur@dunkerque-promotion.example", agur, "ORGANISATION", "Opératrice ALIZÉ");
        b.send("PUT", "/operator", """
                {"holders":[{"organisationId":"%s"}],"appointedOn":"2025-09-01",
                 "consensus":{"agreedOn":"2025-08-20","partnersAgreed":true,"steeringChairAgreed":true,"astreesAgreed":true},
                 "accounts":{"advanceFund":"%s","operating":"%s"}}
                """.formatted(agur, FUND_IBAN, OPERATING_IBAN));
        b.send("POST", "/conventions", """
                {"startsOn":"2026-01-01","pledges":[%s],"budget":%s,"operatorReimbursementAgreedByAllPartners":false}
                """.formatted(pledges(pledges), budget("0")));
    }

    private void terresDeLorraine() throws Exception {
        register(new Basin("terres-de-lorraine"), "Terres de Lorraine", "Grand Est", """
                [{"inseeCode":"54528","name":"Toul"},{"inseeCode":"54397","name":"Neuves-Maisons"},
                 {"inseeCode":"54135","name":"Colombey-les-Belles"}]""",
                "[\"WEAK_ENDOGENOUS_DEVELOPMENT\",\"HEAVY_STRUCTURAL_HANDICAPS\"]",
                "Territoire rural et périurbain ; dossier présenté au comité national de pilotage.");
    }

    private void networkMeetings() throws Exception {
        LocalDate today = BasinCalendar.today(Clock.systemUTC());
        String invited = "[\"valenciennois\",\"flandre-dunkerque\"]";
        held("NETWORK_LIFE", "Vie du réseau — hiver", today.minusDays(240), invited,
                "[{\"basinId\":\"valenciennois\",\"operator\":true,\"president\":true}]");
        held("NETWORK_LIFE", "Vie du réseau — printemps", today.minusDays(150), invited,
                "[{\"basinId\":\"valenciennois\",\"operator\":true,\"president\":false},"
                        + "{\"basinId\":\"flandre-dunkerque\",\"operator\":true,\"president\":false}]");
        held("NATIONAL_EVENT", "Rencontre nationale ALIZÉ", today.minusDays(60), invited,
                "[{\"basinId\":\"valenciennois\",\"operator\":true,\"president\":true}]");
        context.send("POST", basinService.resolve("/api/network/meetings"), astrees, """
                {"kind":"NETWORK_LIFE","title":"Vie du réseau — automne","date":"%s","location":"Paris","invitedBasins":%s}
                """.formatted(today.plusDays(20), invited));
    }

    private void held(String kind, String title, LocalDate date, String invited, String attendance) throws Exception {
        String id = context.json("POST", basinService.resolve("/api/network/meetings"), astrees, """
                {"kind":"%s","title":"%s","date":"%s","location":"Paris","invitedBasins":%s}
                """.formatted(kind, title, date, invited)).get("meetingId").asString();
        context.send("POST", basinService.resolve("/api/network/meetings/" + id + "/held"), astrees,
                "{\"attendance\":" + attendance + "}");
    }

    private void register(Basin b, String name, String region, String communes, String criteria, String description)
            throws Exception {
        context.send("POST", basinService.resolve("/api/network/basins"), astrees, """
                {"basinId":"%s","name":"%s","region":"%s","communes":%s,"priorityCriteria":%s,"description":"%s"}
                """.formatted(b.id, name, region, communes, criteria, description));
    }

    private void validate(Basin b, String decidedOn, String reference) throws Exception {
        context.send("POST", basinService.resolve("/api/network/basins/" + b.id + "/validate"), astrees,
                "{\"decidedOn\":\"" + decidedOn + "\",\"decisionReference\":\"" + reference + "\"}");
    }

    private static String pledges(Map<String, String> byOrganisation) {
        return byOrganisation.entrySet().stream()
                .map(e -> e.getValue().replaceFirst("\\{", "{\"organisationId\":\"" + e.getKey() + "\","))
                .collect(Collectors.joining(","));
    }

    private static String budget(String reimbursement) {
        StringBuilder lines = new StringBuilder("[");
        for (int year = 1; year <= 3; year++) {
            lines.append(year > 1 ? "," : "")
                    .append("{\"year\":").append(year).append(",\"kind\":\"SPENDING\",\"category\":\"PROJECT_SUPPORT\",\"amount\":210000},")
                    .append("{\"year\":").append(year).append(",\"kind\":\"SPENDING\",\"category\":\"LOCAL_ENGINEERING\",\"amount\":90000},")
                    .append("{\"year\":").append(year).append(",\"kind\":\"SPENDING\",\"category\":\"OPERATOR_REIMBURSEMENT\",\"amount\":")
                    .append(reimbursement).append("}");
        }
        return lines.append("]").toString();
    }

    /** A fictional SIRET with a valid Luhn key. */
    static String siret(int n) {
        return org.alize.testing.FictionalSiret.of(4412345600000L + n * 7L);
    }

    /** One basin's API, as its local operator. */
    private final class Basin {

        final String id;
        final String operator;

        Basin(String id) {
            this.id = id;
            this.operator = context.token();
        }

        String organisation(String json) throws Exception {
            return json("POST", "/organisations", json).get("organisationId").asString();
        }

        String person(String first, String last, String email, String organisationId, String affiliation, String title)
                throws Exception {
            return json("POST", "/people", """
                    {"firstName":"%s","lastName":"%s","email":%s,"affiliation":"%s","organisationId":%s,"jobTitle":"%s"}
                    """.formatted(first, last, email == null ? "null" : "\"" + email + "\"", affiliation,
                    organisationId == null ? "null" : "\"" + organisationId + "\"", title)).get("personId").asString();
        }

        void sign(String conventionId, java.util.Collection<String> signers, String operatorBody, String on) throws Exception {
            String signatures = signers.stream()
                    .map(o -> "{\"organisationId\":\"" + o + "\",\"signatory\":\"Représentant légal\",\"signedOn\":\"" + on + "\"}")
                    .collect(Collectors.joining(","));
            send("POST", "/conventions/" + conventionId + "/sign", """
                    {"signatures":[%s],"operatorConvention":{"operatorOrganisationIds":["%s"],
                     "astreesSignatory":"Claire Martin","operatorSignatory":"Karim Benali","signedOn":"%s"}}
                    """.formatted(signatures, operatorBody, on));
        }

        tools.jackson.databind.JsonNode json(String method, String path, String body) throws Exception {
            return context.json(method, basinService.resolve("/api/basins/" + id + path), operator, body);
        }

        void send(String method, String path, String body) throws Exception {
            context.send(method, basinService.resolve("/api/basins/" + id + path), operator, body);
        }
    }
}
