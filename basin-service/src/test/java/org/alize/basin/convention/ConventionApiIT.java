package org.alize.basin.convention;

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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@WithAlizeInfra
@SpringBootTest(classes = BasinServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConventionApiIT {

    @LocalServerPort
    int port;

    @Test
    void a_validated_basin_is_activated_once_its_operator_is_appointed_and_its_convention_signed_R03_R05_R10() {
        BasinApiFixture basin = new BasinApiFixture(port, "conv-a").registeredAndValidated().withPartners(4);

        ApiClient.Response tooEarly = basin.astrees.post("/api/network/basins/conv-a/activate", "{}");
        basin.withOperator();
        String conventionId = basin.draftConvention();
        ApiClient.Response signed = basin.sign(conventionId, basin.everyPartner());
        ApiClient.Response activated = basin.astrees.post("/api/network/basins/conv-a/activate",
                "{\"reason\":\"opérateur désigné, convention signée\"}");

        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.json().get("detail").asString()).contains("aucun opérateur local").contains("aucune convention");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(basin.operator.get(basin.path("/conventions/in-force")).json().get("conventionId").asString())
                .isEqualTo(conventionId);
        ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.read(
                BasinEvents.TOPIC, r -> "conv-a".equals(r.key())
                        && BasinEvents.PARTNERSHIP_CONVENTION_SIGNED.equals(TopicRecords.header(r, "ce_type"))),
                found -> !found.isEmpty()).get(0);
        EventContract.assertConforms(BasinEvents.PARTNERSHIP_CONVENTION_SIGNED, TopicRecords.body(event));
    }

    @Test
    void three_partner_companies_cannot_sign_and_nothing_is_written_R05() {
        BasinApiFixture basin = new BasinApiFixture(port, "conv-b").registeredAndValidated().withPartners(3).withOperator();
        String conventionId = basin.draftConvention();

        ApiClient.Response refused = basin.sign(conventionId, basin.everyPartner());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rule").asString()).isEqualTo("R-05");
        assertThat(basin.operator.get(basin.path("/conventions/" + conventionId)).json().get("status").asString())
                .isEqualTo("DRAFT");
        assertThat(basin.operator.get(basin.path("/conventions/in-force")).status()).isEqualTo(404);
    }

    @Test
    void the_resource_profile_is_shown_against_the_reference_and_the_renewal_links_to_the_previous_R12_R13() {
        BasinApiFixture basin = new BasinApiFixture(port, "conv-c").registeredAndValidated().withPartners(4).withOperator();
        String first = basin.draftConvention();
        basin.sign(first, basin.everyPartner());

        JsonNode profile = basin.operator.get(basin.path("/conventions/" + first + "/resource-profile")).json();
        ApiClient.Response renewal = basin.operator.post(basin.path("/conventions/" + first + "/renew"), "");

        // companies 4 × 88 000 = 352 000; region 225 000; CDC 135 000; no territorial actor: total 712 000
        assertThat(profile.get("total").decimalValue()).isEqualByComparingTo("712000");
        assertThat(profile.get("lines").get(0).get("sharePercent").decimalValue()).isEqualByComparingTo("49.4");
        assertThat(profile.get("deviations").toString()).contains("Acteurs territoriaux : 0.0 %");
        assertThat(renewal.status()).as(renewal.body()).isEqualTo(201);
        assertThat(renewal.json().get("previousConventionId").asString()).isEqualTo(first);
        assertThat(renewal.json().get("startsOn").asString()).isEqualTo("2028-01-01");
        assertThat(basin.operator.post(basin.path("/conventions/" + first + "/renew"), "").status()).isEqualTo(409);
    }

    @Test
    void another_basins_token_gets_404_on_every_convention_resource() {
        BasinApiFixture basin = new BasinApiFixture(port, "conv-d").registeredAndValidated().withPartners(4).withOperator();
        String conventionId = basin.draftConvention();
        ApiClient foreign = ApiClient.on(port).as(TestIssuer.shared().token("intrus").basin("conv-e", "OPERATOR").sign());

        for (String path : List.of("/conventions", "/conventions/" + conventionId, "/conventions/in-force",
                "/conventions/" + conventionId + "/resource-profile", "/conventions/" + conventionId + "/spending-plan",
                "/conventions/" + conventionId + "/history")) {
            ApiClient.Response response = foreign.get("/api/basins/conv-d" + path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Entreprise");
        }
        assertThat(foreign.post("/api/basins/conv-d/conventions/" + conventionId + "/sign", "{}").status()).isEqualTo(404);
    }
}
