package org.alize.project.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.alize.documents.Spreadsheet;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.project.BasinFeed;
import org.alize.project.ProjectServiceApplication;
import org.alize.project.events.ProjectEvents;
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.TopicRecords;
import org.alize.testing.WithAlizeInfra;
import org.alize.testing.contract.EventContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A basin's past projects taken up from its spreadsheet: each lands on its real dates (submitted, decided from the
 * minutes, convention signed, follow-up ended) with the events so dated; the rows the programme's rules cannot take
 * are refused with the rule; importing the same file again changes nothing.
 */
@WithAlizeInfra
@SpringBootTest(classes = ProjectServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PastProjectImportIT {

    private static final String CSV = "text/csv";
    private static final String HEADER = "Référence d'origine;Entreprise;SIRET;Code NAF;Effectif;Commune;Prénom du dirigeant;"
            + "Nom du dirigeant;Courriel du dirigeant;Type de bénéficiaire;Emplois prévus;Date de dépôt;Prescripteur;"
            + "Date de décision;Décision;Motivation;Procès-verbal;Mandataire;Date de signature;Fin du suivi;Date de fin;"
            + "Motif de fin;Emplois en CDI;Emplois en CDD de 6 mois ou plus;Autres emplois\n";

    @LocalServerPort
    int port;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    JsonMapper json;

    @Test
    @DisplayName("R-23/R-24/R-25: past projects come from a spreadsheet on their real dates, decisions from the minutes; "
            + "refusals name the rule; re-import is a no-op")
    void past_projects_are_taken_up_on_their_real_dates_R23_R25() {
        String basin = "imp-p";
        String base = "/api/basins/" + basin;
        new BasinFeed(publisher, json, basin).valenciennoisCommittee();
        ApiClient operator = ApiClient.on(port).as(TestIssuer.shared().token("op-" + basin).basin(basin, "OPERATOR").sign());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiClient.Response committee = operator.get(base + "/committee");
            return committee.status() == 200 && committee.json().get("members").size() == 5;
        });

        byte[] template = operator.bytes(base + "/project-imports/projets/template?format=csv");
        assertThat(new String(template, StandardCharsets.UTF_8)).startsWith("\uFEFF" + HEADER.substring(0, 60));
        Spreadsheet.Table xlsx = Spreadsheet.read(operator.bytes(base + "/project-imports/projets/template"));
        assertThat(xlsx.columns()).contains("reference_d_origine", "date_de_decision", "proces_verbal", "fin_du_suivi");
        assertThat(xlsx.lines()).hasSize(2);
        assertThat(operator.get(base + "/project-imports/partenaires/template").status()).isEqualTo(404);

        String file = HEADER + String.join("\n", List.of(
                // 2: approved in 2019, followed two years, closed with its tally of jobs
                "HAI-2019-004;Chaudronnerie Duval;81234567800019;25.62B;12;Anzin;Marc;Duval;marc.duval@example.fr;"
                        + "PME en développement;6;15/01/2019;roche@example.fr;12/03/2019;agréé;Marché porteur;"
                        + "PV du 12/03/2019;lefevre@example.fr;02/04/2019;clos;15/04/2021;;4;2;1",
                // 3: rejected
                "HAI-2019-007;Boulangerie Lenoir;;10.71C;3;Valenciennes;;Lenoir;;reprise;2;04/02/2019;dubois@example.fr;"
                        + "12/03/2019;refusé;Plan de financement non bouclé;PV du 12/03/2019;;;;;;;;",
                // 4: approved on 1 July 2025, still followed
                "HAI-2025-011;Menuiserie Carpentier;;16.23Z;8;Denain;Paul;Carpentier;;création;4;02/05/2025;"
                        + "leroy@example.fr;01/07/2025;agréé;Savoir-faire rare;PV du 01/07/2025;dubois@example.fr;"
                        + "15/07/2025;;;;;;",
                // 5: closed ten months after signing: R-25
                "HAI-2020-002;Garage Martin;;45.20A;5;Condé;;Martin;;PME en développement;3;10/01/2020;roche@example.fr;"
                        + "05/03/2020;agréé;Bon dossier;PV du 05/03/2020;lefevre@example.fr;01/04/2020;clos;01/02/2021;;;;",
                // 6: a prescriber the register does not know
                "HAI-2020-003;Imprimerie Nord;;18.12Z;5;Onnaing;;Nord;;PME en développement;3;10/01/2020;"
                        + "inconnu@example.fr;05/03/2020;refusé;Hors cible;PV du 05/03/2020;;;;;;;;",
                // 7: the same reference again
                "HAI-2019-004;Chaudronnerie bis;;25.62B;12;Anzin;;Duval;;PME en développement;6;15/01/2019;"
                        + "roche@example.fr;12/03/2019;refusé;Doublon;PV du 12/03/2019;;;;;;;;",
                // 8: approved without its convention's signature
                "HAI-2024-009;Atelier Sud;;25.62B;4;Anzin;;Sud;;PME en développement;3;10/01/2024;roche@example.fr;"
                        + "05/03/2024;agréé;Bon dossier;PV du 05/03/2024;lefevre@example.fr;;;;;;;",
                // 9: a decision with no motivation
                "HAI-2021-001;Verrerie Petite;;23.13Z;4;Anzin;;Petit;;PME en développement;3;10/01/2021;roche@example.fr;"
                        + "05/03/2021;refusé;;PV du 05/03/2021;;;;;;;;",
                // 10: absurd figures
                "HAI-2021-002;Géante;;23.13Z;4;Anzin;;Petit;;PME en développement;1000000;10/05/2099;roche@example.fr;"
                        + "31/02/2021;peut-être;x;PV;;;;;;;;",
                // 11: decided before it was submitted
                "HAI-2021-003;Verrerie Grande;;23.13Z;4;Anzin;;Grand;;PME en développement;3;10/05/2021;roche@example.fr;"
                        + "05/03/2021;refusé;Hors cible;PV du 05/03/2021;;;;;;;;")) + "\n";

        ApiClient.Response preview = operator.post(base + "/project-imports/projets?filename=historique.csv", CSV,
                file.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        String id = preview.json().get("id").asString();
        assertThat(preview.json().get("counts").toString()).contains("\"CREATE\":3", "\"REFUSED\":7");
        assertThat(operator.get(base + "/projects?size=100").json().get("totalItems").asInt()).as("a preview writes nothing")
                .isZero();
        JsonNode rows = operator.get(base + "/project-imports/" + id + "/rows?size=50").json().get("items");
        assertThat(row(rows, 2).get("summary").asString())
                .isEqualTo("agréé le 12/03/2019, convention signée le 02/04/2019, clos le 15/04/2021, 6 emploi(s) durable(s)");
        assertThat(row(rows, 4).get("summary").asString()).endsWith("en suivi");
        assertThat(problem(rows, 5)).contains("R-25", "18 mois");
        assertThat(problem(rows, 6)).contains("Prescripteur", "importez d'abord les personnes");
        assertThat(problem(rows, 7)).contains("Référence d'origine", "déjà à la ligne 2");
        assertThat(problem(rows, 8)).contains("Date de signature", "attend encore ses signatures");
        assertThat(problem(rows, 9)).contains("R-23");
        assertThat(problem(rows, 10)).contains("Emplois prévus", "Date de décision", "jj/mm/aaaa", "Décision");
        assertThat(problem(rows, 11)).contains("Date de décision", "suit le dépôt");

        ApiClient other = ApiClient.on(port).as(TestIssuer.shared().token("op-x").basin("imp-x", "OPERATOR").sign());
        assertThat(other.get(base + "/project-imports/" + id).status()).isEqualTo(404);

        ApiClient.Response commit = operator.post(base + "/project-imports/" + id + "/commit", "{}");
        assertThat(commit.status()).as(commit.body()).isIn(200, 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(operator.get(base + "/project-imports/" + id)
                .json().get("status").asString()));
        assertThat(operator.get(base + "/project-imports/" + id).json().get("counts").toString())
                .contains("\"CREATED\":3", "\"REFUSED\":7");

        String duvalId = row(operator.get(base + "/project-imports/" + id + "/rows?size=50").json().get("items"), 2)
                .get("targetId").asString();
        JsonNode duval = operator.get(base + "/projects/" + duvalId).json();
        assertThat(duval.get("status").asString()).isEqualTo("CLOSED");
        assertThat(duval.get("formerReference").asString()).isEqualTo("HAI-2019-004");
        assertThat(duval.get("reference").asString()).as("numbered in its year of submission").startsWith("2019-");
        assertThat(duval.get("submittedOn").asString()).isEqualTo("2019-01-15");
        assertThat(duval.get("decisions").get(0).get("decidedOn").asString()).isEqualTo("2019-03-12");
        assertThat(duval.get("mandataryId").asString()).isEqualTo("lefevre");
        assertThat(duval.get("prescriberId").asString()).isEqualTo("roche");
        assertThat(duval.get("convention").get("signedOn").asString()).isEqualTo("2019-04-02");
        assertThat(duval.get("reports").get(0).get("jobsToDate").toString()).contains("\"permanent\":4", "\"fixedTerm\":2");
        assertThat(operator.get(base + "/projects/" + duvalId + "/history").body()).contains("repris de l'historique");
        String carpentierId = row(operator.get(base + "/project-imports/" + id + "/rows?size=50").json().get("items"), 4)
                .get("targetId").asString();
        assertThat(operator.get(base + "/projects/" + carpentierId).json().get("status").asString()).isEqualTo("IN_FOLLOW_UP");

        // the events are dated as the projects lived, and conform to their contract
        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.read(
                ProjectEvents.TOPIC, r -> basin.equals(r.key())), found -> found.stream().filter(r ->
                ProjectEvents.PROJECT_STATUS_CHANGED.equals(TopicRecords.header(r, "ce_type"))
                        && TopicRecords.body(r).contains("\"status\":\"CLOSED\"")).count() == 1);
        events.forEach(r -> EventContract.assertConforms(TopicRecords.header(r, "ce_type"), TopicRecords.body(r)));
        assertThat(bodies(events, ProjectEvents.PROJECT_SUBMITTED)).anyMatch(b -> b.contains("\"submittedOn\":\"2019-01-15\""));
        assertThat(bodies(events, ProjectEvents.PROJECT_DECIDED)).hasSize(3)
                .anyMatch(b -> b.contains("\"decidedOn\":\"2025-07-01\"") && b.contains("\"outcome\":\"APPROVED\""));
        assertThat(bodies(events, ProjectEvents.COOPERATION_CONVENTION_SIGNED)).hasSize(2)
                .allMatch(b -> b.contains("\"advance\":null"));
        assertThat(bodies(events, ProjectEvents.FOLLOW_UP_REPORT_FILED)).singleElement()
                .satisfies(b -> assertThat(b).contains("\"reportedOn\":\"2021-04-15\""));

        // the same file again: nothing to create, nothing created
        ApiClient.Response again = operator.post(base + "/project-imports/projets", CSV, file.getBytes(StandardCharsets.UTF_8));
        assertThat(again.json().get("counts").toString()).contains("\"UNCHANGED\":3", "\"REFUSED\":7").doesNotContain("CREATE");
        String againId = again.json().get("id").asString();
        operator.post(base + "/project-imports/" + againId + "/commit", "{}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMMITTED".equals(operator.get(base + "/project-imports/"
                + againId).json().get("status").asString()));
        assertThat(operator.get(base + "/projects?size=100").json().get("totalItems").asInt()).isEqualTo(3);
    }

    @Test
    void ten_years_of_past_projects_at_the_bound_of_two_thousand_rows_preview_and_commit_in_the_background() {
        String basin = "imp-q";
        String base = "/api/basins/" + basin;
        new BasinFeed(publisher, json, basin).valenciennoisCommittee();
        ApiClient operator = ApiClient.on(port).as(TestIssuer.shared().token("op-" + basin).basin(basin, "OPERATOR").sign());
        await().atMost(Duration.ofSeconds(30)).until(() -> operator.get(base + "/committee").status() == 200
                && operator.get(base + "/committee").json().get("members").size() == 5);
        // as an XLSX: the same rows as CSV weigh about 380 KiB, past the platform's 256 KiB body limit
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < Spreadsheet.MAX_ROWS; i++) {
            String year = String.valueOf(2015 + i % 10); // ten years of a busy basin's history
            boolean approved = i % 3 != 0;
            rows.add(List.of("HAI-" + year + "-" + i, "PME " + i, "", "25.62B", "8", "Anzin", "", "Dirigeant" + i, "",
                    "PME en développement", "4", "10/01/" + year, "roche@example.fr", "05/03/" + year,
                    approved ? "agréé" : "refusé", approved ? "Bon dossier" : "Hors cible", "PV du 05/03/" + year,
                    approved ? "lefevre@example.fr" : "", approved ? "01/04/" + year : "", approved ? "clos" : "",
                    approved ? "01/12/" + (Integer.parseInt(year) + 2) : "", "", approved ? "3" : "", approved ? "1" : "",
                    approved ? "0" : ""));
        }
        byte[] bytes = Spreadsheet.xlsxTemplate("Projets passés", PastProjects.PAST_PROJECTS.columns(), rows);
        assertThat(bytes.length).isLessThan(256 * 1024);
        long started = System.nanoTime();
        ApiClient.Response preview = operator.post(base + "/project-imports/projets", Spreadsheet.XLSX, bytes);
        long previewed = System.nanoTime();
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        assertThat(preview.json().get("counts").toString()).contains("\"CREATE\":" + Spreadsheet.MAX_ROWS);
        String path = base + "/project-imports/" + preview.json().get("id").asString();
        String neighbour = "imp-r";
        new BasinFeed(publisher, json, neighbour).valenciennoisCommittee();
        ApiClient other = ApiClient.on(port).as(TestIssuer.shared().token("op-" + neighbour).basin(neighbour, "OPERATOR").sign());
        await().atMost(Duration.ofSeconds(30)).until(() -> other.get("/api/basins/" + neighbour + "/committee").status() == 200
                && other.get("/api/basins/" + neighbour + "/committee").json().get("members").size() == 5);
        ApiClient.Response commit = operator.post(path + "/commit", "{}");
        long answered = System.nanoTime();
        assertThat(commit.status()).isEqualTo(202);
        // meanwhile another basin submits a project: its event does not queue behind the ~12,000 of the import
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.get(path).json().get("status").asString()
                .equals("COMMITTING"));
        long submitted = System.nanoTime();
        ApiClient.Response neighbourSubmitted = other.post("/api/basins/" + neighbour + "/projects", """
                {"company":{"name":"Voisine SARL","nafCode":"25.62B","headcount":5,"city":"Anzin"},
                 "head":{"firstName":"Léa","lastName":"Voisine"},"beneficiaryType":"EXISTING_SME_DEVELOPMENT",
                 "forecastJobs":3,"prescriberId":"lefevre"}
                """);
        assertThat(neighbourSubmitted.status()).as(neighbourSubmitted.body()).isEqualTo(201);
        String neighbourProject = neighbourSubmitted.json().get("projectId").asString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> TopicRecords.read(
                ProjectEvents.TOPIC, r -> neighbour.equals(r.key())).stream().anyMatch(r -> TopicRecords.body(r)
                .contains(neighbourProject)));
        long neighbourPublished = System.nanoTime();
        assertThat(Duration.ofNanos(neighbourPublished - submitted)).as("another basin's event, during the import")
                .isLessThan(Duration.ofSeconds(5));
        JsonNode done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> operator.get(path).json(), i -> i.get("status").asString().equals("COMMITTED"));
        long written = System.nanoTime();
        assertThat(done.get("counts").toString()).contains("\"CREATED\":" + Spreadsheet.MAX_ROWS);
        assertThat(operator.get(base + "/projects?size=1").json().get("totalItems").asInt()).isEqualTo(Spreadsheet.MAX_ROWS);
        System.out.printf("past projects import of %d rows (%d KiB): preview %d ms, commit answered %d in %d ms, written in "
                        + "%d ms; another basin's project published %d ms after its submission, during the import%n",
                Spreadsheet.MAX_ROWS, bytes.length / 1024, (previewed - started) / 1_000_000, commit.status(),
                (answered - previewed) / 1_000_000, (written - answered) / 1_000_000,
                (neighbourPublished - submitted) / 1_000_000);
    }

    private static List<String> bodies(List<ConsumerRecord<String, byte[]>> events, String type) {
        return events.stream().filter(r -> type.equals(TopicRecords.header(r, "ce_type"))).map(TopicRecords::body).toList();
    }

    private static JsonNode row(JsonNode rows, int line) {
        return StreamSupport.stream(rows.spliterator(), false).filter(r -> r.get("line").asInt() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + line + " in " + rows));
    }

    private static String problem(JsonNode rows, int line) {
        JsonNode row = row(rows, line);
        assertThat(row.get("outcome").asString()).as(row.toString()).isEqualTo("REFUSED");
        return row.get("problems").toString();
    }
}
