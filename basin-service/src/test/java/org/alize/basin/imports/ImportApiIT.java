package org.alize.basin.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;

import org.alize.basin.BasinApiFixture;
import org.alize.basin.BasinServiceApplication;
import org.alize.basin.organisation.OrganisationMother;
import org.alize.documents.Spreadsheet;
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.WithAlizeInfra;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A basin's spreadsheets imported: the template, a preview that judges every row with the domain's own rules and
 * writes nothing, a commit that writes the rows accepted, and a second import of the same file that changes nothing.
 */
@WithAlizeInfra
@SpringBootTest(classes = BasinServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportApiIT {

    private static final String CSV = "text/csv";

    @LocalServerPort
    int port;

    @Test
    @DisplayName("R-10/R-13: partners and their pledges imported from a spreadsheet: template, preview with refusals, commit, "
            + "re-import a no-op")
    void partners_and_their_pledges_come_from_a_spreadsheet_previewed_then_committed_once() {
        BasinApiFixture basin = new BasinApiFixture(port, "import-a").registeredAndValidated().withPartners(4);
        String draft = basin.draftConvention();
        ApiClient operator = basin.operator;

        byte[] template = operator.bytes(basin.path("/imports/partenaires/template?format=csv"));
        assertThat(new String(template, StandardCharsets.UTF_8)).startsWith("\uFEFFType;Nom;SIRET;Code NAF;Taille;");
        Spreadsheet.Table xlsx = Spreadsheet.read(operator.bytes(basin.path("/imports/partenaires/template")));
        assertThat(xlsx.columns()).contains("type", "nom", "siret", "apport_en_numeraire", "valeur_d_une_journee");
        assertThat(xlsx.lines()).hasSize(1);
        JsonNode kinds = operator.get(basin.path("/imports/kinds")).json();
        assertThat(kinds.get("items").get(0).get("segment").asString()).isEqualTo("partenaires");
        assertThat(kinds.get("totalItems").asInt()).isEqualTo(2);
        assertThat(operator.get(basin.path("/imports/kinds?size=201")).status()).isEqualTo(400);

        String existingSiret = OrganisationMother.siret(101); // « Entreprise 1 » of the fixture
        String file = """
                Type;Nom;SIRET;Code NAF;Taille;Type de partenaire associé;Type de financeur;Adresse;Code postal;Ville;Apport en numéraire;Jours de compétences;Valeur d'une journée;Apport en nature
                entreprise partenaire;Aciéries du Hainaut;%s;24.10Z;GE;;;2 rue du Four;59300;Valenciennes;60 000,00;20;650;
                entreprise partenaire;Sans Siret SA;;;PME;;;;;;;;;
                entreprise partenaire;Siret Faux;12345678901234;;PME;;;;;;;;;
                partenaire associé;Chambre de commerce;;;;;;;;;;;;
                financeur public;Département du Nord;;;;;collectivité;;;;90000;;;
                entreprise partenaire;Aciéries bis;%s;;GE;;;;;;;;;
                entreprise partenaire;Entreprise 1;%s;;GE;;;;;;;;;
                entreprise partenaire;Entreprise 2;%s;;ETI;;;;;;;10;700;
                entreprise partenaire;Négative;%s;;TPE;;;;;;-5;;;
                entreprise partenaire;Entreprise 3;%s;;GE;;;;;;;10;;
                """.formatted(OrganisationMother.siret(201), OrganisationMother.siret(201), existingSiret,
                OrganisationMother.siret(102), OrganisationMother.siret(202), OrganisationMother.siret(103));
        int organisationsBefore = count(operator, basin.path("/organisations?size=100"));

        ApiClient.Response preview = operator.post(basin.path("/imports/partenaires?filename=partenaires.csv"), CSV,
                file.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        String id = preview.json().get("id").asString();
        assertThat(preview.json().get("status").asString()).isEqualTo("PREVIEWED");
        assertThat(preview.json().get("counts").toString()).contains("\"CREATE\":2", "\"REFUSED\":6", "\"UNCHANGED\":1",
                "\"UPDATE\":1");
        assertThat(count(operator, basin.path("/organisations?size=100"))).as("a preview writes nothing").isEqualTo(organisationsBefore);
        JsonNode rows = operator.get(basin.path("/imports/" + id + "/rows")).json().get("items");
        assertThat(outcome(rows, 2)).isEqualTo("CREATE");
        assertThat(problem(rows, 3)).contains("SIRET", "obligatoire");
        assertThat(problem(rows, 4)).contains("SIRET", "clé de contrôle");
        assertThat(problem(rows, 5)).contains("Type de partenaire associé");
        assertThat(outcome(rows, 6)).isEqualTo("CREATE");
        assertThat(problem(rows, 7)).contains("la même organisation qu'à la ligne 2");
        assertThat(outcome(rows, 8)).as("already there, the same").isEqualTo("UNCHANGED");
        assertThat(outcome(rows, 9)).isEqualTo("UPDATE");
        assertThat(row(rows, 9).get("summary").asString()).contains("taille", "engagement modifié");
        assertThat(problem(rows, 10)).contains("Apport en numéraire", "positif");
        assertThat(problem(rows, 11)).as("R-10: skills are valued").contains("Valeur d'une journée", "R-10");
        assertThat(operator.get(basin.path("/imports/" + id + "/rows?outcome=REFUSED")).json().get("totalItems").asInt())
                .isEqualTo(6);

        JsonNode committed = commit(operator, basin.path("/imports/" + id));
        assertThat(committed.get("status").asString()).isEqualTo("COMMITTED");
        assertThat(committed.get("counts").toString()).contains("\"CREATED\":2", "\"UPDATED\":1", "\"REFUSED\":6",
                "\"UNCHANGED\":1");
        assertThat(count(operator, basin.path("/organisations?size=100"))).isEqualTo(organisationsBefore + 2);
        JsonNode convention = operator.get(basin.path("/conventions/" + draft)).json();
        assertThat(convention.toString()).as("R-10: the pledges written into the convention being negotiated")
                .contains("Aciéries du Hainaut", "Département du Nord");
        ApiClient.Response committedAgain = operator.post(basin.path("/imports/" + id + "/commit"), "");
        assertThat(committedAgain.status()).isEqualTo(200);
        assertThat(committedAgain.json().get("counts").toString()).as("committed again: the same answer, nothing more")
                .contains("\"CREATED\":2");
        assertThat(count(operator, basin.path("/organisations?size=100"))).isEqualTo(organisationsBefore + 2);

        // the same file again: every row accepted is already there
        ApiClient.Response again = operator.post(basin.path("/imports/partenaires"), CSV, file.getBytes(StandardCharsets.UTF_8));
        assertThat(again.json().get("counts").toString()).contains("\"UNCHANGED\":4", "\"REFUSED\":6").doesNotContain("CREATE")
                .doesNotContain("UPDATE");
        commit(operator, basin.path("/imports/" + again.json().get("id").asString()));
        assertThat(count(operator, basin.path("/organisations?size=100"))).isEqualTo(organisationsBefore + 2);
        assertThat(operator.get(basin.path("/conventions/" + draft)).json().get("version").asLong())
                .as("no revision for pledges already so").isEqualTo(convention.get("version").asLong());
    }

    @Test
    @DisplayName("R-06/R-07: people imported against the basin's organisations; an ASTREES or prefecture representative "
            + "represents no organisation")
    void people_come_from_a_spreadsheet_against_the_basins_organisations() {
        BasinApiFixture basin = new BasinApiFixture(port, "import-b").registeredAndValidated().withPartners(1);
        String file = """
                Prénom,Nom,Courriel,Téléphone,Rattachement,Organisation,Fonction,En activité
                Jeanne,Martin,Jeanne.Martin@entreprise1.example,03 27 00 00 00,organisation,%s,DRH,oui
                Paul,Préfet,paul@prefecture.example,,préfecture,Entreprise 1,,
                Luc,Inconnu,luc@nulle-part.example,,organisation,Société Fantôme,,
                Ana,Sans,pas-une-adresse,,organisation,Entreprise 1,,
                Eve,Peut-être,eve@entreprise1.example,,organisation,Entreprise 1,,peut-être
                Marc,ASTREES,marc@astrees.example,,ASTREES,,Chargé de mission,oui
                """.formatted(OrganisationMother.siret(101));
        ApiClient.Response preview = basin.operator.post(basin.path("/imports/personnes"), CSV, file.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        String id = preview.json().get("id").asString();
        JsonNode rows = basin.operator.get(basin.path("/imports/" + id + "/rows")).json().get("items");
        assertThat(outcome(rows, 2)).isEqualTo("CREATE");
        assertThat(problem(rows, 3)).contains("Organisation", "R-07");
        assertThat(problem(rows, 4)).contains("Société Fantôme", "importez d'abord les partenaires");
        assertThat(problem(rows, 5)).contains("Courriel", "adresse électronique invalide");
        assertThat(problem(rows, 6)).contains("En activité", "oui ou non");
        assertThat(outcome(rows, 7)).isEqualTo("CREATE");

        commit(basin.operator, basin.path("/imports/" + id));
        JsonNode people = basin.operator.get(basin.path("/people?size=50")).json().get("items");
        assertThat(people.toString()).contains("jeanne.martin@entreprise1.example", "Marc").doesNotContain("Luc");
        ApiClient.Response again = basin.operator.post(basin.path("/imports/personnes"), CSV, file.getBytes(StandardCharsets.UTF_8));
        assertThat(again.json().get("counts").toString()).as("Jeanne and Marc are found by their addresses").contains("\"UNCHANGED\":2");

        // Jeanne asks to be erased: the rows that imported her forget her too (RGPD art. 17)
        String jeanne = StreamSupport.stream(people.spliterator(), false)
                .filter(p -> "jeanne.martin@entreprise1.example".equals(p.path("email").asString(null))).findFirst()
                .orElseThrow().get("personId").asString();
        assertThat(basin.astrees.post("/api/network/basins/import-b/people/" + jeanne + "/erasure",
                "{\"request\":\"RGPD-2026-020\"}").status()).isEqualTo(200);
        assertThat(basin.operator.get(basin.path("/imports/" + id + "/rows")).body()).doesNotContain("jeanne.martin", "Martin");
    }

    @Test
    void what_is_not_a_spreadsheet_of_the_template_is_refused_whole_and_only_the_operator_imports() {
        BasinApiFixture basin = new BasinApiFixture(port, "import-c").registeredAndValidated();
        ApiClient operator = basin.operator;
        assertThat(field(operator.post(basin.path("/imports/personnes"), CSV, new byte[0]))).contains("vide");
        assertThat(field(operator.post(basin.path("/imports/personnes"), CSV, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2})))
                .contains("UTF-8");
        assertThat(field(operator.post(basin.path("/imports/personnes"), CSV, "Nom;Ville\nDupont;Lille\n"
                .getBytes(StandardCharsets.UTF_8)))).contains("Prénom");
        assertThat(field(operator.post(basin.path("/imports/personnes"), CSV, "Prénom;Nom\n".getBytes(StandardCharsets.UTF_8))))
                .contains("aucune ligne");
        assertThat(field(operator.post(basin.path("/imports/personnes"), Spreadsheet.XLSX,
                new byte[] {'P', 'K', 3, 4, 0, 0, 0}))).contains("XLSX");
        StringBuilder many = new StringBuilder("Prénom;Nom\n");
        for (int i = 0; i < Spreadsheet.MAX_ROWS + 1; i++) {
            many.append("P").append(i).append(";N\n");
        }
        assertThat(field(operator.post(basin.path("/imports/personnes"), CSV, many.toString().getBytes(StandardCharsets.UTF_8))))
                .contains("découpez");
        ApiClient.Response huge = operator.post(basin.path("/imports/personnes"), CSV, new byte[300 * 1024]);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(operator.post(basin.path("/imports/projets"), CSV, "a".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(404);
        assertThat(operator.post(basin.path("/imports/imp-inconnu/commit"), "").status()).isEqualTo(404);

        ApiClient member = ApiClient.on(port).as(TestIssuer.shared().token("membre").basin("import-c", "COMMITTEE_MEMBER").sign());
        assertThat(member.post(basin.path("/imports/personnes"), CSV, "Prénom;Nom\nA;B\n".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(403);
        assertThat(member.get(basin.path("/imports")).status()).isEqualTo(403);
        assertThat(operator.get(basin.path("/imports")).json().get("totalItems").asInt()).as("nothing refused was kept").isZero();
    }

    @Test
    void a_file_at_the_bound_of_two_thousand_rows_previews_and_commits_within_the_gateways_time_limit() {
        BasinApiFixture basin = new BasinApiFixture(port, "import-d").registeredAndValidated();
        StringBuilder file = new StringBuilder("Prénom;Nom;Courriel;Rattachement;Fonction\n");
        for (int i = 0; i < Spreadsheet.MAX_ROWS; i++) {
            file.append("Prénom").append(i).append(";Nom").append(i).append(";personne").append(i)
                    .append("@astrees.example;ASTREES;Chargé de mission\n");
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        ApiClient.Response preview = basin.operator.post(basin.path("/imports/personnes"), CSV, bytes);
        long previewed = System.nanoTime();
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        assertThat(preview.json().get("counts").toString()).contains("\"CREATE\":" + Spreadsheet.MAX_ROWS);
        String path = basin.path("/imports/" + preview.json().get("id").asString());
        ApiClient.Response started2 = basin.operator.post(path + "/commit", "");
        long answered = System.nanoTime();
        JsonNode committed = commit(basin.operator, path);
        long done = System.nanoTime();
        assertThat(committed.get("counts").toString()).contains("\"CREATED\":" + Spreadsheet.MAX_ROWS);
        assertThat(count(basin.operator, basin.path("/people?size=1"))).isEqualTo(Spreadsheet.MAX_ROWS);
        System.out.printf("import of %d rows (%d KiB): preview %d ms, commit answered %d (%d ms), written in %d ms%n",
                Spreadsheet.MAX_ROWS, bytes.length / 1024, (previewed - started) / 1_000_000, started2.status(),
                (answered - previewed) / 1_000_000, (done - previewed) / 1_000_000);
    }

    /** Commits and waits for the import to be done (it is written in the background). */
    static JsonNode commit(ApiClient operator, String importPath) {
        ApiClient.Response started = operator.post(importPath + "/commit", "");
        assertThat(started.status()).as(started.body()).isIn(200, 202);
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> operator.get(importPath).json(),
                        i -> i.get("status").asString().equals("COMMITTED"));
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").get(0).get("message").asString();
    }

    private static int count(ApiClient client, String path) {
        return client.get(path).json().get("totalItems").asInt();
    }

    private static JsonNode row(JsonNode rows, int line) {
        return StreamSupport.stream(rows.spliterator(), false).filter(r -> r.get("line").asInt() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + line + " in " + rows));
    }

    private static String outcome(JsonNode rows, int line) {
        return row(rows, line).get("outcome").asString();
    }

    private static String problem(JsonNode rows, int line) {
        JsonNode row = row(rows, line);
        assertThat(row.get("outcome").asString()).as(row.toString()).isEqualTo("REFUSED");
        return row.get("problems").toString();
    }
}
