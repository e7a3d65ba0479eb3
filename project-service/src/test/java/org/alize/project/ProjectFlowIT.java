package org.alize.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.alize.kernel.BasinCalendar;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.project.events.ProjectEvents;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.TopicRecords;
import org.alize.testing.WithAlizeInfra;
import org.alize.testing.contract.EventContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WithAlizeInfra
@SpringBootTest(classes = ProjectServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectFlowIT {

    @LocalServerPort
    int port;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    org.alize.tenancy.personal.PersonalData personal;

    private ApiClient operator(String basin) {
        return ApiClient.on(port).as(TestIssuer.shared().token("op-" + basin).basin(basin, "OPERATOR").sign());
    }

    private ApiClient basinWithCommittee(String basin) {
        new BasinFeed(publisher, json, basin).valenciennoisCommittee();
        ApiClient op = operator(basin);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiClient.Response committee = op.get("/api/basins/" + basin + "/committee");
            return committee.status() == 200 && committee.json().get("members").size() == 5
                    && !committee.json().get("president").isNull();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> op.post("/api/basins/" + basin + "/projects",
                submission("lefevre", "Attente")).status() == 201);
        return op;
    }

    @Test
    void a_project_goes_from_submission_through_a_session_with_quorum_and_recusals_to_signature_and_follow_up_R22_to_R27() {
        ApiClient op = basinWithCommittee("prj-a");
        String base = "/api/basins/prj-a";

        ApiClient.Response notMember = op.post(base + "/projects", submission("inconnu", "Hors comité"));
        String projectId = expect(201, op.post(base + "/projects", submission("lefevre", "Chaudronnerie du Hainaut")))
                .json().get("projectId").asString();
        expect(200, op.post(base + "/projects/" + projectId + "/start-diagnosis", "{}"));
        ApiClient.Response tooEarly = op.post(base + "/projects/" + projectId + "/mark-ready", "{}");
        expect(200, op.post(base + "/projects/" + projectId + "/diagnosis", """
                {"kind":"PRELIMINARY","writtenOn":"%s","summary":"Projet solide","scores":{"quality":4,"holderCapacity":4,"territorialImpact":5}}
                """.formatted(LocalDate.now(BasinCalendar.ZONE))));
        expect(200, op.post(base + "/projects/" + projectId + "/mark-ready", "{}"));

        String sessionId = expect(201, op.post(base + "/sessions", "{\"scheduledOn\":\"" + LocalDate.now(BasinCalendar.ZONE) + "\",\"location\":\"Valenciennes\"}"))
                .json().get("sessionId").asString();
        expect(200, op.post(base + "/sessions/" + sessionId + "/agenda", "{\"projectId\":\"" + projectId + "\"}"));
        // the members are convened with the agenda and the preliminary diagnosis (R-22)
        assertThat(expect(200, op.post(base + "/sessions/" + sessionId + "/convocation", "{}")).json().get("convocations")
                .asInt()).isEqualTo(1);
        ApiClient.Response noQuorum = op.post(base + "/sessions/" + sessionId + "/attendance", "{\"present\":[\"roche\",\"lefevre\"]}");
        expect(200, op.post(base + "/sessions/" + sessionId + "/attendance",
                "{\"present\":[\"roche\",\"lefevre\",\"dubois\",\"leroy\",\"martin\"]}"));
        expect(200, op.post(base + "/sessions/" + sessionId + "/conflicts",
                "{\"personId\":\"lefevre\",\"projectId\":\"" + projectId + "\",\"reason\":\"fournisseur de l'entreprise\"}"));
        JsonNode approved = expect(200, op.post(base + "/sessions/" + sessionId + "/decisions", """
                {"projectId":"%s","outcome":"APPROVED","motivation":"Projet solide, six emplois à trois ans",
                 "mandataryId":"dubois",
                 "means":{"skills":[{"partnerId":"org-hrs","domain":"industrialisation","days":8,"dailyValue":800}],
                          "advance":{"amount":20000,"durationMonths":36,"graceMonths":6,"frequency":"MONTHLY"}}}
                """.formatted(projectId))).json();

        assertThat(notMember.status()).isEqualTo(422);
        assertThat(op.get(base + "/projects/" + projectId).json().path("sourceOrganisationId").asString())
                .as("R-27: the partner that brought it, the prescriber's organisation").isEqualTo("org-verrerie");
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.json().get("rule").asString()).isEqualTo("R-22");
        assertThat(noQuorum.status()).isEqualTo(422);
        assertThat(noQuorum.json().get("rule").asString()).isEqualTo("R-23");
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        // R-23: only the declared conflict takes a member out of the vote; the president's company gives skills: flagged
        assertThat(approved.get("decisions").get(0).get("recusedPersonIds").toString()).contains("lefevre")
                .doesNotContain("roche");
        assertThat(approved.get("decisions").get(0).get("flaggedPersonIds").toString()).contains("roche");
        assertThat(approved.get("decisions").get(0).get("voters").asInt()).isEqualTo(4);

        JsonNode convention = op.get(base + "/projects/" + projectId + "/convention").json();
        assertThat(convention.get("missing").valueStream().map(r -> r.get("key").asString()).toList())
                .containsExactly("SME_HEAD", "COMMITTEE_PRESIDENT", "SKILLS_PARTNER:org-hrs", "MANDATARY", "OPERATOR");
        for (JsonNode required : convention.get("required")) {
            expect(200, op.post(base + "/projects/" + projectId + "/signatures", """
                    {"key":"%s","signatory":"%s","signedOn":"%s"}
                    """.formatted(required.get("key").asString(), required.get("party").asString(), LocalDate.now(BasinCalendar.ZONE))));
        }
        JsonNode signed = op.get(base + "/projects/" + projectId).json();
        assertThat(signed.get("status").asString()).isEqualTo("CONVENTION_SIGNED");
        assertThat(signed.get("convention").get("schedule").size()).isEqualTo(30);

        String missionId = signed.get("missions").get(0).get("missionId").asString();
        expect(200, op.post(base + "/projects/" + projectId + "/missions/" + missionId + "/deliveries",
                "{\"deliveredOn\":\"" + LocalDate.now(BasinCalendar.ZONE) + "\",\"days\":3}"));
        expect(200, op.post(base + "/projects/" + projectId + "/start-follow-up", "{}"));
        ApiClient mandatary = ApiClient.on(port).as(TestIssuer.shared().token("dubois").basin("prj-a", "COMMITTEE_MEMBER")
                .claim("people", Map.of("prj-a", "dubois")).sign());
        ApiClient otherMember = ApiClient.on(port).as(TestIssuer.shared().token("lefevre").basin("prj-a", "COMMITTEE_MEMBER")
                .claim("people", Map.of("prj-a", "lefevre")).sign());
        ApiClient.Response notTheirs = otherMember.post(base + "/projects/" + projectId + "/reports", """
                {"reportedOn":"%s","permanent":9,"progress":"Rapport d'un autre membre","author":"Thomas Lefèvre"}
                """.formatted(LocalDate.now(BasinCalendar.ZONE)));
        assertThat(notTheirs.status()).as("R-25: only the mandatary, or the operator for them").isEqualTo(422);
        expect(200, mandatary.post(base + "/projects/" + projectId + "/reports", """
                {"reportedOn":"%s","permanent":2,"fixedTerm":1,"progress":"Ligne installée","author":"Nadia Dubois"}
                """.formatted(LocalDate.now(BasinCalendar.ZONE))));
        expect(200, mandatary.post(base + "/projects/" + projectId + "/reports", """
                {"reportedOn":"%s","permanent":3,"fixedTerm":1,"apprenticeship":1,"progress":"Montée en cadence",
                 "newInterventionRequested":true,"interventionRequest":"Appui export"}
                """.formatted(LocalDate.now(BasinCalendar.ZONE))));
        ApiClient.Response earlyClose = op.post(base + "/projects/" + projectId + "/close", "{}");
        expect(200, op.post(base + "/projects/" + projectId + "/mandatary",
                "{\"mandataryId\":\"lefevre\",\"reason\":\"Nadia Dubois quitte Aciers du Valenciennois\"}"));
        ApiClient.Response formerMandatary = mandatary.post(base + "/projects/" + projectId + "/reports", """
                {"reportedOn":"%s","permanent":3,"progress":"Après son départ","author":"Nadia Dubois"}
                """.formatted(LocalDate.now(BasinCalendar.ZONE)));
        assertThat(formerMandatary.status()).isEqualTo(422);
        ApiClient.Response notAMember = op.post(base + "/projects/" + projectId + "/mandatary",
                "{\"mandataryId\":\"per-inconnu\",\"reason\":\"x\"}");
        assertThat(notAMember.status()).isEqualTo(422);

        JsonNode followed = op.get(base + "/projects/" + projectId).json();
        assertThat(followed.get("jobsToDate").asInt()).isEqualTo(5);
        assertThat(followed.get("missions").get(0).get("deliveries").size()).isEqualTo(1);
        assertThat(earlyClose.status()).isEqualTo(422);
        assertThat(earlyClose.json().get("rule").asString()).isEqualTo("R-25");
        assertThat(op.get(base + "/projects?mandataryId=lefevre").json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(op.get(base + "/projects/" + projectId + "/history").body()).contains("mandataire remplacé", "Nadia Dubois");
        assertThat(op.get(base + "/projects?sessionId=" + sessionId).json().get("items").get(0).get("projectId").asString())
                .isEqualTo(projectId);

        expect(200, op.post(base + "/sessions/" + sessionId + "/close", ""));
        JsonNode validated = expect(200, op.post(base + "/sessions/" + sessionId + "/validation",
                "{\"remarks\":\"Décisions conformes\"}")).json();
        assertThat(validated.get("status").asString()).isEqualTo("VALIDATED");
        assertThat(validated.get("validation").get("validatedBy").asString()).isEqualTo("Jean Morel");

        // R-25: the mandatary asked for a new intervention; the project, followed, goes back on an agenda for it
        String second = expect(201, op.post(base + "/sessions", "{\"scheduledOn\":\"" + LocalDate.now(BasinCalendar.ZONE) + "\"}")).json()
                .get("sessionId").asString();
        expect(200, op.post(base + "/sessions/" + second + "/agenda", "{\"projectId\":\"" + projectId + "\"}"));
        expect(200, op.post(base + "/sessions/" + second + "/attendance",
                "{\"present\":[\"roche\",\"lefevre\",\"dubois\",\"leroy\",\"martin\"]}"));
        ApiClient.Response newAdvance = op.post(base + "/sessions/" + second + "/decisions", """
                {"projectId":"%s","outcome":"APPROVED","motivation":"Appui export",
                 "means":{"advance":{"amount":5000,"durationMonths":12,"graceMonths":0,"frequency":"MONTHLY"}}}
                """.formatted(projectId));
        JsonNode intervention = expect(200, op.post(base + "/sessions/" + second + "/decisions", """
                {"projectId":"%s","outcome":"APPROVED","motivation":"Appui à l'export par un partenaire",
                 "means":{"skills":[{"partnerId":"org-hrs","domain":"export","days":4,"dailyValue":800}]}}
                """.formatted(projectId))).json();
        expect(200, op.post(base + "/sessions/" + second + "/close", ""));
        String third = expect(201, op.post(base + "/sessions", "{\"scheduledOn\":\"" + LocalDate.now(BasinCalendar.ZONE).plusDays(30) + "\"}"))
                .json().get("sessionId").asString();
        ApiClient.Response noRequest = op.post(base + "/sessions/" + third + "/agenda", "{\"projectId\":\"" + projectId + "\"}");

        assertThat(newAdvance.status()).as("a new financial aid goes through a new file").isEqualTo(422);
        assertThat(newAdvance.json().get("rule").asString()).isEqualTo("R-25");
        assertThat(intervention.get("status").asString()).isEqualTo("IN_FOLLOW_UP");
        assertThat(intervention.get("missions").size()).isEqualTo(2);
        assertThat(intervention.get("decisions").size()).isEqualTo(2);
        assertThat(intervention.get("mandataryId").asString()).as("the mandatary stays").isEqualTo("lefevre");
        assertThat(noRequest.status()).as("decided: no longer asked for").isEqualTo(422);

        // the entities the project holds (dossier, diagnoses, mandate, follow-up) keep the stored layout: fields flat
        try (BasinContext.Scope ignored = BasinContext.open(BasinId.of("prj-a"))) {
            org.bson.Document stored = mongo.findById(projectId, org.bson.Document.class, "projects");
            assertThat(stored).containsKeys("company", "head", "needs", "forecastJobs", "beneficiaryType",
                    "prescriberId", "prescriberName", "sourceOrganisationId", "preliminaryDiagnosis", "mandataryId", "mandataryName",
                    "missions", "reports", "decisions")
                    .doesNotContainKeys("dossier", "prescriber", "diagnoses", "mandate", "followUp");
        }

        String minutes = pdfText(op, base + "/sessions/" + sessionId + "/minutes.pdf");
        // a PDF asked for as JSON is refused at handler lookup: 406, never a 500
        ApiClient.Response asJson = op.get(base + "/sessions/ses-unknown/minutes.pdf", "application/json");
        assertThat(asJson.status()).as(asJson.body()).isEqualTo(406);
        String conventionPdf = pdfText(op, base + "/projects/" + projectId + "/convention.pdf");
        assertThat(minutes).contains("Procès-verbal").contains("Isabelle Roche").contains("Chaudronnerie du Hainaut")
                .contains("Thomas Lefèvre (fournisseur de l'entreprise)").contains("Jean Morel");
        assertThat(conventionPdf).contains("Paul Martin").contains("Hainaut Rail Systèmes").contains("Nadia Dubois")
                .contains("Valenciennes Métropole Développement").contains("20 000,00");

        List<String> expected = List.of(ProjectEvents.PROJECT_SUBMITTED, ProjectEvents.PROJECT_STATUS_CHANGED,
                ProjectEvents.PROJECT_DECIDED, ProjectEvents.COMMITTEE_SESSION_CONVENED, ProjectEvents.COMMITTEE_SESSION_HELD,
                ProjectEvents.COOPERATION_CONVENTION_SIGNED, ProjectEvents.SKILLS_DELIVERED,
                ProjectEvents.FOLLOW_UP_REPORT_FILED, ProjectEvents.SESSION_DECISIONS_VALIDATED);
        // published in the background, each aggregate in its own order: waited for until every type is there
        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(60)).until(() -> TopicRecords.read(
                ProjectEvents.TOPIC, r -> "prj-a".equals(r.key())), found -> found.stream()
                .map(r -> TopicRecords.header(r, "ce_type")).collect(java.util.stream.Collectors.toSet()).containsAll(expected));
        events.forEach(r -> EventContract.assertConforms(TopicRecords.header(r, "ce_type"), TopicRecords.body(r)));
        assertThat(events.stream().map(r -> TopicRecords.header(r, "ce_type")).distinct().toList()).contains(
                ProjectEvents.PROJECT_SUBMITTED, ProjectEvents.PROJECT_STATUS_CHANGED, ProjectEvents.PROJECT_DECIDED,
                ProjectEvents.COMMITTEE_SESSION_CONVENED, ProjectEvents.COMMITTEE_SESSION_HELD, ProjectEvents.COOPERATION_CONVENTION_SIGNED, ProjectEvents.SKILLS_DELIVERED,
                ProjectEvents.FOLLOW_UP_REPORT_FILED, ProjectEvents.SESSION_DECISIONS_VALIDATED);
        // the decision carries the SME's head for their mail, sealed with their own key, which their erasure destroys
        String decided = events.stream().filter(r -> ProjectEvents.PROJECT_DECIDED.equals(TopicRecords.header(r, "ce_type")))
                .map(TopicRecords::body).findFirst().orElseThrow();
        assertThat(decided).doesNotContain("paul.martin@").doesNotContain("Paul Martin");
        JsonNode holder = json.readTree(decided).get("holder");
        assertThat(holder.get("email").asString()).startsWith("pd1:prj-a/head-" + projectId + ":");
        assertThat(personal.open(holder.get("email").asString())).isEqualTo("paul.martin@chaudronnerie.example");
        assertThat(personal.open(holder.get("name").asString())).isEqualTo("Paul Martin");
        ApiClient astrees = ApiClient.on(port).as(TestIssuer.shared().token("astrees.dpo").networkRoles("NETWORK_ADMIN").sign());
        expect(200, astrees.post("/api/network/basins/prj-a/projects/" + projectId + "/head/erasure",
                "{\"request\":\"RGPD-2026-200\"}"));
        assertThat(personal.open(holder.get("email").asString())).as("the head's key is destroyed").isNull();
    }

    @Test
    void a_postponement_sends_the_project_back_to_diagnosis_until_the_complementary_diagnosis_R22_R23() {
        ApiClient op = basinWithCommittee("prj-b");
        String base = "/api/basins/prj-b";
        String projectId = readyProject(op, base, "Boulangerie Scarpe");
        String sessionId = op.post(base + "/sessions", "{\"scheduledOn\":\"" + LocalDate.now(BasinCalendar.ZONE) + "\"}").json()
                .get("sessionId").asString();
        op.post(base + "/sessions/" + sessionId + "/agenda", "{\"projectId\":\"" + projectId + "\"}");
        op.post(base + "/sessions/" + sessionId + "/attendance", "{\"present\":[\"roche\",\"lefevre\",\"dubois\"]}");

        JsonNode postponed = expect(200, op.post(base + "/sessions/" + sessionId + "/decisions", """
                {"projectId":"%s","outcome":"POSTPONED","motivation":"Étude de marché à compléter","complementaryDiagnosisRequested":true}
                """.formatted(projectId))).json();
        ApiClient.Response notReady = op.post(base + "/projects/" + projectId + "/mark-ready", "{}");

        assertThat(postponed.get("status").asString()).isEqualTo("IN_DIAGNOSIS");
        assertThat(notReady.status()).isEqualTo(422);
        expect(200, op.post(base + "/projects/" + projectId + "/diagnosis", """
                {"kind":"COMPLEMENTARY","writtenOn":"%s","summary":"Marché confirmé","professional":"Marc Expert",
                 "professionalOrganisation":"Cabinet Nord Conseil"}
                """.formatted(LocalDate.now(BasinCalendar.ZONE))));
        expect(200, op.post(base + "/projects/" + projectId + "/mark-ready", "{}"));
    }

    @Test
    void a_submission_with_absurd_jobs_a_fraction_of_a_job_or_a_hidden_character_is_refused_and_nothing_is_stored() {
        ApiClient op = basinWithCommittee("prj-absurd");
        String base = "/api/basins/prj-absurd";
        int before = op.get(base + "/projects").json().path("totalItems").asInt();

        for (String body : List.of(submission("lefevre", "Absurde").replace("\"forecastJobs\":6", "\"forecastJobs\":2147483647"),
                submission("lefevre", "Absurde").replace("\"forecastJobs\":6", "\"forecastJobs\":1001"),
                submission("lefevre", "Absurde").replace("\"forecastJobs\":6", "\"forecastJobs\":3.5"),
                submission("lefevre", "Nom\\u0000cach\\u202Ee"),
                submission("lefevre", "Absurde").replace("\"headcount\":14", "\"headcount\":1e308"))) {
            ApiClient.Response refused = op.post(base + "/projects", body);
            assertThat(refused.status()).as(body + " → " + refused.body()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        ApiClient.Response sessionFarAway = op.post(base + "/sessions", "{\"scheduledOn\":\"9999-12-31\"}");
        assertThat(sessionFarAway.status()).isEqualTo(400);
        assertThat(sessionFarAway.json().path("errors").toString()).contains("scheduledOn");

        assertThat(op.get(base + "/projects").json().path("totalItems").asInt()).isEqualTo(before);
    }

    @Test
    void a_project_names_only_support_schemes_the_basin_has_recorded_R08() {
        ApiClient op = basinWithCommittee("prj-r08");
        String base = "/api/basins/prj-r08";

        ApiClient.Response unknown = op.post(base + "/projects", submission("lefevre", "Dispositifs").replace("sch-pfil", "sch-inconnu"));
        ApiClient.Response known = op.post(base + "/projects", submission("lefevre", "Dispositifs"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("supportSchemeIds", "R-08");
        assertThat(known.status()).as(known.body()).isEqualTo(201);
        assertThat(known.json().path("supportSchemeIds").toString()).contains("sch-pfil");
    }

    @Test
    void a_basin_that_is_not_active_holds_no_session_until_it_is_R01() {
        ApiClient op = basinWithCommittee("prj-suspendu");
        String base = "/api/basins/prj-suspendu";
        BasinFeed feed = new BasinFeed(publisher, json, "prj-suspendu");
        feed.publish(org.alize.basin.events.BasinEvents.BASIN_STATUS_CHANGED, "prj-suspendu", 50,
                new org.alize.basin.events.BasinStatusChanged("prj-suspendu", "Bassin suspendu", "ACTIVE", "SUSPENDED",
                        "SUSPEND", LocalDate.now(BasinCalendar.ZONE), null, "comptes non rendus", java.time.Instant.now(), "astrees"));

        ApiClient.Response refused = await().atMost(Duration.ofSeconds(30)).until(() -> op.post(base + "/sessions",
                "{\"scheduledOn\":\"" + LocalDate.now(BasinCalendar.ZONE) + "\"}"), r -> r.status() != 201);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("rule").asString()).isEqualTo("R-01");

        feed.publish(org.alize.basin.events.BasinEvents.BASIN_STATUS_CHANGED, "prj-suspendu", 51,
                new org.alize.basin.events.BasinStatusChanged("prj-suspendu", "Bassin suspendu", "SUSPENDED", "ACTIVE",
                        "ACTIVATE", LocalDate.now(BasinCalendar.ZONE), null, null, java.time.Instant.now(), "astrees"));
        await().atMost(Duration.ofSeconds(30)).until(() -> op.post(base + "/sessions",
                "{\"scheduledOn\":\"" + LocalDate.now(BasinCalendar.ZONE) + "\"}").status() == 201);
    }

    @Test
    void a_year_lists_its_sessions_from_1_january_to_31_december_by_pages_R41() {
        ApiClient op = basinWithCommittee("prj-calendrier");
        String base = "/api/basins/prj-calendrier";
        int year = LocalDate.now(BasinCalendar.ZONE).getYear();
        for (LocalDate on : List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), LocalDate.of(year + 1, 1, 1))) {
            expect(201, op.post(base + "/sessions", "{\"scheduledOn\":\"" + on + "\"}"));
        }

        JsonNode first = op.get(base + "/sessions?year=" + year + "&size=1").json();
        JsonNode second = op.get(base + "/sessions?year=" + year + "&size=1&page=1").json();

        assertThat(first.path("totalItems").asInt()).as("both ends of the year, not the next").isEqualTo(2);
        assertThat(first.path("items").get(0).path("scheduledOn").asString()).isEqualTo(year + "-01-01");
        assertThat(second.path("items").get(0).path("scheduledOn").asString()).isEqualTo(year + "-12-31");
        assertThat(op.get(base + "/sessions?size=201").status()).isEqualTo(400);
    }

    private static String readyProject(ApiClient op, String base, String company) {
        String projectId = expect(201, op.post(base + "/projects", submission("lefevre", company))).json()
                .get("projectId").asString();
        op.post(base + "/projects/" + projectId + "/start-diagnosis", "{}");
        op.post(base + "/projects/" + projectId + "/diagnosis", """
                {"kind":"PRELIMINARY","writtenOn":"%s","summary":"Bon dossier","scores":{"quality":3,"holderCapacity":4,"territorialImpact":3}}
                """.formatted(LocalDate.now(BasinCalendar.ZONE)));
        expect(200, op.post(base + "/projects/" + projectId + "/mark-ready", "{}"));
        return projectId;
    }

    static String submission(String prescriber, String company) {
        return """
                {"company":{"name":"%s","siret":"81234567800019","nafCode":"25.62B","headcount":14,"city":"Anzin"},
                 "head":{"firstName":"Paul","lastName":"Martin","email":"paul.martin@chaudronnerie.example"},"beneficiaryType":"EXISTING_SME_DEVELOPMENT",
                 "needs":{"skillsDomains":["industrialisation"],"amountRequested":20000},
                 "forecastJobs":6,"supportSchemeIds":["sch-pfil"],"prescriberId":"%s"}
                """.formatted(company, prescriber);
    }

    static ApiClient.Response expect(int status, ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }

    /** The text of every page of the PDF at {@code path}: it must open. */
    static String pdfText(ApiClient client, String path) {
        byte[] pdf = client.bytes(path);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("[\\s\\u00A0]+", " ");
        } catch (java.io.IOException e) {
            throw new AssertionError("the PDF does not open", e);
        }
    }
}
