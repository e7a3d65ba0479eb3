package org.alize.basin.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.alize.basin.BasinServiceApplication;
import org.alize.basin.events.BasinEvents;
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.TopicRecords;
import org.alize.testing.WithAlizeInfra;
import org.alize.testing.contract.EventContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@WithAlizeInfra
@SpringBootTest(classes = BasinServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryApiIT {

    @LocalServerPort
    int port;

    private final TestIssuer issuer = TestIssuer.shared();
    private ApiClient astrees;
    private ApiClient nationalCommittee;

    @BeforeEach
    void clients() {
        astrees = ApiClient.on(port).as(issuer.token("claire.martin").networkRoles("NETWORK_ADMIN").sign());
        nationalCommittee = ApiClient.on(port).as(issuer.token("cnp").networkRoles("NATIONAL_COMMITTEE").sign());
    }

    @Test
    void astrees_registers_a_basin_that_is_published_as_a_schema_valid_event_R01() {
        ApiClient.Response created = astrees.post("/api/network/basins", register("reg-hainaut", "Bassin du Hainaut", "Hauts-de-France"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/network/basins/reg-hainaut");
        assertThat(created.json().get("status").asString()).isEqualTo("PROPOSED");
        assertThat(created.json().get("allowedActions").toString()).isEqualTo("[\"validate\",\"close\"]");
        ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.read(
                BasinEvents.TOPIC, r -> "reg-hainaut".equals(r.key())), records -> !records.isEmpty()).get(0);
        assertThat(TopicRecords.header(event, "ce_type")).isEqualTo(BasinEvents.BASIN_REGISTERED);
        EventContract.assertConforms(BasinEvents.BASIN_REGISTERED, TopicRecords.body(event));
    }

    @Test
    void a_second_basin_with_the_same_id_is_a_conflict() {
        astrees.post("/api/network/basins", register("reg-twice", "Premier", "Bretagne"));

        ApiClient.Response again = astrees.post("/api/network/basins", register("reg-twice", "Second", "Bretagne"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(astrees.get("/api/network/basins/reg-twice").json().get("name").asString()).isEqualTo("Premier");
    }

    @Test
    void an_id_the_platform_reserves_is_refused_422_with_its_field_and_nothing_is_registered() {
        for (String reserved : java.util.List.of("network", "api", "admin", "actuator")) {
            ApiClient.Response refused = astrees.post("/api/network/basins", register(reserved, "Réservé", "Bretagne"));

            assertThat(refused.status()).as(reserved).isEqualTo(422);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("errors").toString()).contains("basinId").contains("réservé");
            assertThat(astrees.get("/api/network/basins/" + reserved).status()).as(reserved).isEqualTo(404);
        }
    }

    @Test
    void bad_input_gets_french_field_errors_and_an_empty_perimeter_names_R02() {
        ApiClient.Response invalid = astrees.post("/api/network/basins",
                "{\"basinId\":\"Pas Bon\",\"name\":\"\",\"region\":\"Bretagne\",\"communes\":[{\"inseeCode\":\"123\",\"name\":\"X\"}]}");
        ApiClient.Response empty = astrees.post("/api/network/basins",
                "{\"basinId\":\"reg-empty\",\"name\":\"Vide\",\"region\":\"Bretagne\",\"communes\":[]}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").toString()).contains("basinId").contains("name").contains("code INSEE invalide");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("au moins une commune (R-02)");
        assertThat(astrees.get("/api/network/basins/reg-empty").status()).isEqualTo(404);
    }

    @Test
    void the_national_committee_validates_and_the_history_keeps_who_when_and_which_decision_R01() {
        astrees.post("/api/network/basins", register("reg-validate", "Bassin à valider", "Normandie"));

        ApiClient.Response validated = nationalCommittee.post("/api/network/basins/reg-validate/validate",
                "{\"decidedOn\":\"2026-01-15\",\"decisionReference\":\"CNP-2026-01\"}");
        ApiClient.Response twice = nationalCommittee.post("/api/network/basins/reg-validate/validate",
                "{\"decidedOn\":\"2026-01-15\",\"decisionReference\":\"CNP-2026-01\"}");

        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(validated.json().get("status").asString()).isEqualTo("VALIDATED");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("allowedActions").toString()).contains("activate");
        JsonNode history = astrees.get("/api/network/basins/reg-validate/history").json();
        assertThat(history.get(0).get("by").asString()).isEqualTo("cnp");
        assertThat(history.get(0).get("decisionReference").asString()).isEqualTo("CNP-2026-01");
    }

    @Test
    void the_network_lists_basins_filtered_by_status_region_and_text() {
        astrees.post("/api/network/basins", register("reg-list-a", "Liste Alpha", "Occitanie"));
        astrees.post("/api/network/basins", register("reg-list-b", "Liste Bêta", "Occitanie"));
        astrees.post("/api/network/basins/reg-list-b/close", "{\"reason\":\"doublon\"}");

        JsonNode proposed = astrees.get("/api/network/basins?region=occitanie&status=PROPOSED").json();
        JsonNode text = astrees.get("/api/network/basins?q=b%C3%AAta").json();
        JsonNode paged = astrees.get("/api/network/basins?region=Occitanie&size=1&page=1").json();

        assertThat(names(proposed)).containsExactly("Liste Alpha");
        assertThat(names(text)).containsExactly("Liste Bêta");
        assertThat(paged.get("totalItems").asLong()).isEqualTo(2);
        assertThat(paged.get("totalPages").asLong()).isEqualTo(2);
        assertThat(names(paged)).containsExactly("Liste Bêta");
    }

    @Test
    void basin_roles_cannot_act_at_network_level_and_the_national_committee_cannot_register() {
        String operator = issuer.token("karim").basin("valenciennois", "OPERATOR").sign();

        assertThat(ApiClient.on(port).as(operator).get("/api/network/basins").status()).isEqualTo(403);
        assertThat(nationalCommittee.post("/api/network/basins", register("reg-cnp", "CNP", "Corse")).status()).isEqualTo(403);
        assertThat(ApiClient.on(port).get("/api/network/basins").status()).isEqualTo(401);
    }

    @Test
    void a_basin_reads_its_own_profile_and_another_basin_gets_404() {
        astrees.post("/api/network/basins", register("reg-own", "Bassin propre", "Grand Est"));
        ApiClient own = ApiClient.on(port).as(issuer.token("op-own").basin("reg-own", "OPERATOR").sign());
        ApiClient other = ApiClient.on(port).as(issuer.token("op-other").basin("reg-other", "OPERATOR").sign());

        assertThat(own.get("/api/basins/reg-own/profile").json().get("name").asString()).isEqualTo("Bassin propre");
        ApiClient.Response foreign = other.get("/api/basins/reg-own/profile");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Bassin propre");
    }

    @Test
    void suspending_needs_a_reason_and_an_unknown_basin_is_404() {
        assertThat(astrees.post("/api/network/basins/reg-nowhere/close", "{\"reason\":\"x\"}").status()).isEqualTo(404);
        astrees.post("/api/network/basins", register("reg-reason", "Motif", "Bretagne"));

        ApiClient.Response noReason = astrees.post("/api/network/basins/reg-reason/close", "{\"reason\":\"\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("name").asString()).toList();
    }

    static String register(String id, String name, String region) {
        return """
                {"basinId":"%s","name":"%s","region":"%s",
                 "communes":[{"inseeCode":"59606","name":"Valenciennes"}],
                 "priorityCriteria":["WEAK_ENDOGENOUS_DEVELOPMENT"],"description":"Test"}
                """.formatted(id, name, region);
    }
}
