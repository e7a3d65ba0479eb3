package org.alize.basin.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;

import com.mongodb.client.MongoClient;
import org.alize.basin.BasinApiFixture;
import org.alize.basin.BasinServiceApplication;
import org.alize.basin.events.BasinEvents;
import org.alize.testing.ApiClient;
import org.alize.testing.TopicRecords;
import org.alize.testing.WithAlizeInfra;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A closed basin kept for its retention period, then purged after a dry run (the period shortened to 2 s here). */
@WithAlizeInfra
@SpringBootTest(classes = BasinServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alize.offboarding.retention=2s")
class OffboardingApiIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongo;

    @Test
    void a_closed_basin_is_purged_after_its_retention_with_a_dry_run_first_and_its_id_stays_taken() throws Exception {
        BasinApiFixture basin = new BasinApiFixture(port, "offboard-a").registeredAndValidated().withPartners(1);
        BasinApiFixture.expect(201, basin.operator.post(basin.path("/people"), """
                {"firstName":"Jeanne","lastName":"Partante","email":"jeanne@partante.example","affiliation":"ORGANISATION",
                 "organisationId":"%s"}
                """.formatted(basin.companies.get(0))));
        String path = "/api/network/basins/offboard-a/offboarding";

        ApiClient.Response open = basin.astrees.get(path);
        ApiClient.Response notClosed = basin.astrees.post(path, "{\"confirm\":\"offboard-a\"}");
        assertThat(open.json().get("eligible").asBoolean()).isFalse();
        assertThat(notClosed.status()).isEqualTo(409);
        assertThat(notClosed.json().get("code").asString()).isEqualTo("basin.not-closed");

        BasinApiFixture.expect(200, basin.astrees.post("/api/network/basins/offboard-a/close", "{\"reason\":\"fin du programme\"}"));
        ApiClient.Response tooEarly = basin.astrees.post(path, "{\"confirm\":\"offboard-a\"}");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("code").asString()).isEqualTo("basin.retention");
        assertThat(tooEarly.json().get("detail").asString()).contains("conservées jusqu'au");
        assertThat(basin.operator.get(path).status()).as("ASTREES only").isEqualTo(403);

        ApiClient.Response dryRun = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> basin.astrees.get(path), response -> response.json().get("eligible").asBoolean());
        assertThat(dryRun.json().get("eligible").asBoolean()).isTrue();
        assertThat(dryRun.json().get("holdings").get("basin_offboard-a.people").asLong()).isEqualTo(1);
        assertThat(dryRun.json().get("holdings").get("vault.person_keys").asLong()).isEqualTo(1);
        assertThat(databases()).as("a dry run removes nothing").contains("basin_offboard-a");

        ApiClient.Response unconfirmed = basin.astrees.post(path, "{\"confirm\":\"autre\"}");
        ApiClient.Response purged = basin.astrees.post(path, "{\"confirm\":\"offboard-a\"}");
        ApiClient.Response again = basin.astrees.post(path, "{\"confirm\":\"offboard-a\"}");

        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(purged.status()).as(purged.body()).isEqualTo(200);
        assertThat(purged.json().get("holdings").get("basin_offboard-a.people").asLong()).isEqualTo(1);
        assertThat(again.status()).as("a purge sent again finishes, removing nothing more").isEqualTo(200);
        assertThat(java.time.Instant.parse(again.json().get("purgedAt").asString())).isEqualTo(java.time.Instant.parse(
                purged.json().get("purgedAt").asString()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(databases()).doesNotContain("basin_offboard-a");
        ApiClient.Response late = basin.operator.get(basin.path("/people"));
        assertThat(late.status()).as("a request that comes after the purge finds nothing: " + late.body()).isEqualTo(404);
        assertThat(late.json().get("code").asString()).isEqualTo("basin-purged");
        assertThat(databases()).as("and does not make the basin's database again (its indexes)").doesNotContain("basin_offboard-a");
        assertThat(mongo.getDatabase("alize_vault").getCollection("person_keys")
                .countDocuments(new Document("basinId", "offboard-a"))).isZero();
        assertThat(mongo.getDatabase("basin_network").getCollection("tenant_operations")
                .countDocuments(new Document("basin", "offboard-a").append("action", "PURGE"))).isPositive();
        assertThat(basin.astrees.get("/api/network/basins/offboard-a").status()).as("the registry keeps it").isEqualTo(200);
        assertThat(basin.astrees.post("/api/network/basins", """
                {"basinId":"offboard-a","name":"Autre","region":"Bretagne","communes":[{"inseeCode":"35238","name":"Rennes"}]}
                """).status()).as("its id stays taken").isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.read(BasinEvents.TOPIC, r -> "offboard-a".equals(r.key()))
                .stream().anyMatch(r -> BasinEvents.BASIN_PURGED.equals(TopicRecords.header(r, "ce_type"))));
    }

    private java.util.List<String> databases() {
        return mongo.listDatabaseNames().into(new ArrayList<>());
    }
}
