package org.alize.basin.organisation;

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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@WithAlizeInfra
@SpringBootTest(classes = BasinServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationApiIT {

    @LocalServerPort
    int port;

    private final TestIssuer issuer = TestIssuer.shared();

    private ApiClient operator(String basin) {
        return ApiClient.on(port).as(issuer.token("op-" + basin).basin(basin, "OPERATOR").sign());
    }

    @Test
    void the_operator_records_partners_and_people_whose_events_match_their_schemas() {
        ApiClient op = operator("org-a");

        ApiClient.Response company = op.post("/api/basins/org-a/organisations", company("Hainaut Rail Systèmes", 1));
        String companyId = company.json().get("organisationId").asString();
        ApiClient.Response person = op.post("/api/basins/org-a/people", person("Isabelle", "Roche", "isabelle@hrs.example", companyId));

        assertThat(company.status()).as(company.body()).isEqualTo(201);
        assertThat(company.json().get("resourceCategory").asString()).isEqualTo("COMPANIES");
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        List<String> types = await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.read(BasinEvents.TOPIC,
                r -> "org-a".equals(r.key())).stream().map(r -> {
                    EventContract.assertConforms(TopicRecords.header(r, "ce_type"), TopicRecords.body(r));
                    return TopicRecords.header(r, "ce_type");
                }).toList(), found -> found.size() >= 2);
        assertThat(types).containsExactly(BasinEvents.ORGANISATION_RECORDED, BasinEvents.PERSON_RECORDED);
    }

    @Test
    void an_e_mail_belongs_to_one_person_of_the_basin_and_a_person_needs_a_known_organisation() {
        ApiClient op = operator("org-b");
        String companyId = op.post("/api/basins/org-b/organisations", company("Verrerie de l'Escaut", 2)).json()
                .get("organisationId").asString();
        op.post("/api/basins/org-b/people", person("Thomas", "Lefèvre", "thomas@verrerie.example", companyId));

        ApiClient.Response taken = op.post("/api/basins/org-b/people", person("Tom", "Autre", "Thomas@Verrerie.example", companyId));
        ApiClient.Response unknown = op.post("/api/basins/org-b/people", person("Jean", "Nulle", null, "org-inconnue"));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("Thomas Lefèvre");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("organisationId");
    }

    @Test
    void the_operator_is_appointed_by_consensus_with_two_distinct_accounts_R03_R04() {
        ApiClient op = operator("org-c");
        String agencyId = op.post("/api/basins/org-c/organisations", """
                {"kind":"ASSOCIATED_PARTNER","name":"Agence de développement","associatedKind":"DEVELOPMENT_AGENCY"}
                """).json().get("organisationId").asString();

        ApiClient.Response noConsensus = op.put("/api/basins/org-c/operator", appointment(agencyId, false,
                "FR7630006000011234567890189", "FR7630004000031234567890143"));
        ApiClient.Response sameAccount = op.put("/api/basins/org-c/operator", appointment(agencyId, true,
                "FR7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189"));
        ApiClient.Response appointed = op.put("/api/basins/org-c/operator", appointment(agencyId, true,
                "FR7630006000011234567890189", "FR7630004000031234567890143"));

        assertThat(noConsensus.status()).isEqualTo(422);
        assertThat(noConsensus.json().get("rule").asString()).isEqualTo("R-03");
        assertThat(sameAccount.status()).isEqualTo(422);
        assertThat(sameAccount.json().get("rule").asString()).isEqualTo("R-04");
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(200);
        assertThat(op.get("/api/basins/org-c/operator").json().get("holders").get(0).get("functions").size()).isEqualTo(6);
    }

    @Test
    void committee_members_read_but_do_not_write_and_another_basin_gets_404_on_every_resource() {
        ApiClient op = operator("org-d");
        String companyId = op.post("/api/basins/org-d/organisations", company("Aciers du Valenciennois", 3)).json()
                .get("organisationId").asString();
        String personId = op.post("/api/basins/org-d/people", person("Anne", "Acier", "anne@acier.example", companyId))
                .json().get("personId").asString();
        ApiClient member = ApiClient.on(port).as(issuer.token("member").basin("org-d", "COMMITTEE_MEMBER").sign());
        ApiClient foreign = operator("org-e");

        assertThat(member.get("/api/basins/org-d/organisations/" + companyId).status()).isEqualTo(200);
        assertThat(member.post("/api/basins/org-d/organisations", company("Intrus", 4)).status()).isEqualTo(403);
        for (String path : List.of("/organisations", "/organisations/" + companyId, "/organisations/" + companyId + "/history",
                "/people", "/people/" + personId, "/people/" + personId + "/history", "/operator")) {
            ApiClient.Response response = foreign.get("/api/basins/org-d" + path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Aciers").doesNotContain("Anne");
        }
        assertThat(foreign.get("/api/basins/org-e/organisations/" + companyId).status())
                .as("the id of another basin's organisation is unknown here").isEqualTo(404);
    }

    static String company(String name, int n) {
        return """
                {"kind":"PARTNER_COMPANY","name":"%s","siret":"%s","nafCode":"30.20Z","sizeClass":"LARGE",
                 "skills":[{"domain":"industrialisation","indicativeDaysPerYear":20}]}
                """.formatted(name, OrganisationMother.siret(n));
    }

    static String person(String first, String last, String email, String organisationId) {
        return """
                {"firstName":"%s","lastName":"%s","email":%s,"affiliation":"ORGANISATION","organisationId":"%s","inActivity":true}
                """.formatted(first, last, email == null ? "null" : "\"" + email + "\"", organisationId);
    }

    static String appointment(String organisationId, boolean astreesAgreed, String fund, String operating) {
        return """
                {"holders":[{"organisationId":"%s"}],"appointedOn":"2026-01-05",
                 "consensus":{"agreedOn":"2025-12-15","partnersAgreed":true,"steeringChairAgreed":true,"astreesAgreed":%s},
                 "accounts":{"advanceFund":"%s","operating":"%s"}}
                """.formatted(organisationId, astreesAgreed, fund, operating);
    }
}
