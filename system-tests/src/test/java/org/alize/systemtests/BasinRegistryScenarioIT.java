package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * ASTREES registers a basin, the national steering committee validates it, and its operator reads it,
 * through the platform's public entry with real tokens; the demo network is there too.
 */
class BasinRegistryScenarioIT {

    private final LocalStack platform = Platform.get();
    private final URI basin = platform.serviceUrls().get("basin");

    @Test
    void the_demo_network_has_three_basins_in_three_states() throws Exception {
        PlatformClient astrees = PlatformClient.as(platform.issuer().token("astrees").networkRoles("NETWORK_ADMIN").sign());

        String page = astrees.get(basin.resolve("/api/network/basins")).body();

        assertThat(page).contains("\"basinId\":\"valenciennois\"").contains("\"basinId\":\"flandre-dunkerque\"")
                .contains("\"basinId\":\"terres-de-lorraine\"");
        assertThat(astrees.get(basin.resolve("/api/network/basins?status=PROPOSED")).body())
                .contains("terres-de-lorraine").doesNotContain("valenciennois");
    }

    @Test
    void astrees_registers_the_national_committee_validates_and_the_operator_reads_its_basin() throws Exception {
        PlatformClient astrees = PlatformClient.as(platform.issuer().token("astrees").networkRoles("NETWORK_ADMIN").sign());
        PlatformClient committee = PlatformClient.as(platform.issuer().token("cnp").networkRoles("NATIONAL_COMMITTEE").sign());
        PlatformClient operator = PlatformClient.as(platform.issuer().token("op").basin("scenario-sambre", "OPERATOR").sign());
        PlatformClient otherOperator = PlatformClient.as(platform.issuer().token("op2").basin("valenciennois", "OPERATOR").sign());

        HttpResponse<String> registered = astrees.post(basin.resolve("/api/network/basins"), """
                {"basinId":"scenario-sambre","name":"Sambre-Avesnois","region":"Hauts-de-France",
                 "communes":[{"inseeCode":"59392","name":"Maubeuge"}],"priorityCriteria":["HEAVY_STRUCTURAL_HANDICAPS"]}
                """);
        HttpResponse<String> validated = committee.post(basin.resolve("/api/network/basins/scenario-sambre/validate"),
                "{\"decidedOn\":\"2026-02-10\",\"decisionReference\":\"CNP-2026-02-01\"}");

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
        assertThat(operator.get(basin.resolve("/api/basins/scenario-sambre/profile")).body()).contains("\"status\":\"VALIDATED\"");
        assertThat(otherOperator.get(basin.resolve("/api/basins/scenario-sambre/profile")).statusCode()).isEqualTo(404);
    }
}
