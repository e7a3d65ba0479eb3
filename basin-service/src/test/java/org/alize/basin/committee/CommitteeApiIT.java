package org.alize.basin.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.alize.basin.BasinApiFixture;
import org.alize.basin.BasinServiceApplication;
import org.alize.basin.events.BasinEvents;
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.TopicRecords;
import org.alize.testing.WithAlizeInfra;
import org.alize.testing.contract.EventContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@WithAlizeInfra
@SpringBootTest(classes = BasinServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommitteeApiIT {

    @LocalServerPort
    int port;

    @Test
    void the_operator_composes_the_approval_committee_and_its_composition_is_read_at_any_date_R06() {
        BasinApiFixture basin = new BasinApiFixture(port, "cmt-a").registeredAndValidated().withPartners(4);
        String president = person(basin, "Isabelle", "Roche", basin.companies.get(0), "ORGANISATION");
        String astrees = person(basin, "Claire", "Martin", null, "ASTREES");

        member(basin, president, "PARTNER_REPRESENTATIVE", "2025-01-01");
        member(basin, astrees, "ASTREES_REPRESENTATIVE", "2025-01-01");
        ApiClient.Response elected = basin.operator.post(basin.path("/committees/approval/president"),
                "{\"personId\":\"" + president + "\",\"from\":\"2025-01-15\"}");
        ApiClient.Response secondAstrees = basin.operator.post(basin.path("/committees/approval/members"),
                "{\"personId\":\"" + person(basin, "Sophie", "Autre", null, "ASTREES")
                        + "\",\"seat\":\"ASTREES_REPRESENTATIVE\",\"from\":\"2025-03-01\"}");

        assertThat(elected.status()).as(elected.body()).isEqualTo(200);
        assertThat(secondAstrees.status()).isEqualTo(422);
        JsonNode january = basin.operator.get(basin.path("/committees/approval?on=2025-01-10")).json();
        JsonNode february = basin.operator.get(basin.path("/committees/approval?on=2025-02-01")).json();
        assertThat(january.get("president").isNull()).isTrue();
        assertThat(january.get("gaps").toString()).contains("aucun président");
        assertThat(february.get("president").get("name").asString()).isEqualTo("Isabelle Roche");
        assertThat(february.get("quorum").asInt()).isEqualTo(2);
        assertThat(basin.operator.get(basin.path("/committees/approval/history")).json().size()).isEqualTo(3);
    }

    @Test
    void a_local_authority_chairs_the_steering_committee_on_its_share_of_the_money_and_with_the_prefects_agreement_R07() {
        BasinApiFixture basin = new BasinApiFixture(port, "cmt-r07").registeredAndValidated().withPartners(4);
        basin.draftConvention();
        String region = person(basin, "Marie", "Lenoir", basin.funders.get(0), "ORGANISATION");

        ApiClient.Response withoutAgreement = basin.operator.post(basin.path("/committees/steering/chair"),
                "{\"kind\":\"LOCAL_AUTHORITY\",\"personId\":\"" + region + "\",\"from\":\"2025-01-01\"}");
        ApiClient.Response chaired = basin.operator.post(basin.path("/committees/steering/chair"),
                "{\"kind\":\"LOCAL_AUTHORITY\",\"personId\":\"" + region + "\",\"from\":\"2025-01-01\","
                        + "\"prefectAgreedOn\":\"2024-12-05\"}");

        assertThat(withoutAgreement.status()).isEqualTo(422);
        assertThat(withoutAgreement.json().path("rule").asString()).isEqualTo("R-07");
        assertThat(chaired.status()).as(chaired.body()).isEqualTo(200);
        // 225 000 € of the 680 000 € pledged in money: 33.1 %, not its 31.6 % of all resources, skills included
        assertThat(chaired.json().path("chair").path("financialSharePercent").decimalValue()).isEqualByComparingTo("33.1");
        assertThat(chaired.json().path("chair").path("prefectAgreedOn").asString()).isEqualTo("2024-12-05");
    }

    @Test
    void the_steering_committees_decisions_are_recorded_once_under_their_reference_and_announced_R04_R07() {
        BasinApiFixture basin = new BasinApiFixture(port, "cmt-dec").registeredAndValidated();

        ApiClient.Response recorded = basin.operator.post(basin.path("/committees/steering/decisions"),
                "{\"reference\":\" CLP-2026-03 \",\"decidedOn\":\"2026-03-12\",\"subject\":\"Virement de 20 000 € vers le fonds\"}");
        ApiClient.Response twice = basin.operator.post(basin.path("/committees/steering/decisions"),
                "{\"reference\":\"CLP-2026-03\",\"decidedOn\":\"2026-03-13\",\"subject\":\"Autre\"}");
        ApiClient.Response future = basin.operator.post(basin.path("/committees/steering/decisions"),
                "{\"reference\":\"CLP-2999-01\",\"decidedOn\":\"2999-01-01\",\"subject\":\"Plus tard\"}");

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().path("reference").asString()).isEqualTo("CLP-2026-03");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(future.status()).isEqualTo(400);
        assertThat(basin.operator.get(basin.path("/committees/steering/decisions")).json().path("totalItems").asInt()).isEqualTo(1);
        String event = TopicRecords.body(await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.read(BasinEvents.TOPIC,
                r -> "cmt-dec".equals(r.key()) && BasinEvents.STEERING_COMMITTEE_DECIDED.equals(TopicRecords.header(r, "ce_type"))),
                found -> !found.isEmpty()).get(0));
        EventContract.assertConforms(BasinEvents.STEERING_COMMITTEE_DECIDED, event);
        assertThat(event).contains("\"reference\":\"CLP-2026-03\"", "\"decidedOn\":\"2026-03-12\"");

        // a reference as people type it, spaces and accents included, is data, never an id the events' URIs carry
        ApiClient.Response typed = basin.operator.post(basin.path("/committees/steering/decisions"),
                "{\"reference\":\"Séance du 12 mars / point 4\",\"decidedOn\":\"2026-03-12\",\"subject\":\"Virement\"}");
        assertThat(typed.status()).as(typed.body()).isEqualTo(201);
        String published = TopicRecords.body(await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.read(BasinEvents.TOPIC,
                r -> "cmt-dec".equals(r.key()) && BasinEvents.STEERING_COMMITTEE_DECIDED.equals(TopicRecords.header(r, "ce_type"))),
                found -> found.size() == 2).get(1));
        assertThat(published).contains("Séance du 12 mars / point 4");
    }

    @Test
    void another_basin_gets_404_on_the_committees() {
        BasinApiFixture basin = new BasinApiFixture(port, "cmt-b").registeredAndValidated().withPartners(4);
        member(basin, person(basin, "Anne", "Membre", basin.companies.get(1), "ORGANISATION"), "PARTNER_REPRESENTATIVE",
                "2025-01-01");
        ApiClient foreign = ApiClient.on(port).as(TestIssuer.shared().token("intrus").basin("cmt-c", "OPERATOR").sign());

        for (String path : List.of("/committees/approval", "/committees/approval/history", "/committees/steering",
                "/committees/steering/history")) {
            ApiClient.Response response = foreign.get("/api/basins/cmt-b" + path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Anne");
        }
    }

    private static String person(BasinApiFixture basin, String first, String last, String organisationId, String affiliation) {
        return BasinApiFixture.expect(201, basin.operator.post(basin.path("/people"), """
                {"firstName":"%s","lastName":"%s","affiliation":"%s","organisationId":%s}
                """.formatted(first, last, affiliation, organisationId == null ? "null" : "\"" + organisationId + "\"")))
                .json().get("personId").asString();
    }

    private static void member(BasinApiFixture basin, String personId, String seat, String from) {
        BasinApiFixture.expect(201, basin.operator.post(basin.path("/committees/approval/members"),
                "{\"personId\":\"" + personId + "\",\"seat\":\"" + seat + "\",\"from\":\"" + from + "\"}"));
    }
}
