package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.alize.localstack.LocalStack;
import org.alize.localstack.Services;
import org.alize.localstack.StackOptions;
import org.alize.localstack.TenantArchiveTool;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A basin handed over: the demo Valenciennois exported through the gateway as one archive, imported into an empty
 * platform (its own Kafka, MongoDB and services), where the same projects, people, accounts and — once reporting has
 * read the republished events — the same indicators are found. An archive altered by one byte is refused, and so is an
 * import where the basin already is. In {@code -Pchaos}: a second platform starts for it.
 */
class TenantArchiveRoundTripIT {

    private static final String BASIN = "valenciennois";

    private final LocalStack source = Platform.get();

    @Test
    void an_exported_basin_imported_into_an_empty_platform_shows_the_same_figures() throws Exception {
        Path work = Files.createTempDirectory("alize-archive-");
        Path archive = work.resolve(BASIN + ".zip");
        PlatformClient sourceAdmin = PlatformClient.as(source.issuer().token("astrees.archiviste").networkRoles("NETWORK_ADMIN").sign());
        PlatformClient sourceOperator = PlatformClient.as(source.issuer().token("operateur.valenciennois")
                .basin(BASIN, "OPERATOR").sign());
        URI sourceGateway = source.serviceUrls().get("gateway");
        assertThat(PlatformClient.as(source.issuer().token("operateur.valenciennois").basin(BASIN, "OPERATOR").sign())
                .get(sourceGateway.resolve("/api/network/archives/basin-service/basins/" + BASIN)).statusCode())
                .as("ASTREES only").isEqualTo(403);

        // the scenarios before this one may still be read by the consumers: export a basin at rest
        List<List<JsonNode>> last = new java.util.ArrayList<>(List.of(List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            List<JsonNode> now = BasinFigures.of(sourceGateway, sourceOperator, BASIN);
            boolean still = now.equals(last.get(0));
            last.set(0, now);
            return still;
        });
        Document manifest = TenantArchiveTool.export(sourceGateway, source.issuer().token("astrees.archiviste")
                .networkRoles("NETWORK_ADMIN").sign(), BASIN, archive);
        Document entries = manifest.get("entries", Document.class);
        assertThat(entries.keySet()).contains("basin-service/db/people.jsonl", "basin-service/network/basins.jsonl",
                "basin-service/vault/person_keys.jsonl", "basin-service/events/alize.basin.v1.jsonl",
                "basin-service/events/alize.finance.v1.jsonl", "project-service/db/projects.jsonl",
                "finance-service/db/processed_events.jsonl");
        assertThat(entries.get("basin-service/events/alize.project.v1.jsonl", Document.class).get("lines", Number.class).longValue())
                .isPositive();
        List<JsonNode> figures = BasinFigures.of(sourceGateway, sourceOperator, BASIN);

        // one byte changed: refused before anything is written
        Path altered = work.resolve("altered.zip");
        alter(archive, altered, "project-service/db/projects.jsonl");
        assertThatThrownBy(() -> TenantArchiveTool.importArchive(source.mongoConnectionString(), source.kafkaBootstrapServers(),
                altered)).hasMessageContaining("does not match the manifest");
        // where the basin is: refused
        assertThatThrownBy(() -> TenantArchiveTool.importArchive(source.mongoConnectionString(), source.kafkaBootstrapServers(),
                archive)).hasMessageContaining("already holds basin " + BASIN);

        StackOptions options = StackOptions.onFreePorts(rootOf(), work.resolve("target"),
                Services.ALL, List.of(), new PrintStream(Files.newOutputStream(
                        Path.of("target/tenant-archive-target-stack.log")), true, StandardCharsets.UTF_8)).withSeed(false);
        // the legal retention shortened, for the offboarding at the end
        options = new StackOptions(options.root(), options.dataDir(), options.kafkaPort(), options.mongoPort(),
                options.issuerPort(), options.services(), options.servicePorts(), options.seeders(), options.seed(),
                options.serviceJavaOptions() + " -Dalize.offboarding.retention=1s", options.console());
        try (LocalStack target = LocalStack.start(options)) {
            TenantArchiveTool.Imported imported = TenantArchiveTool.importArchive(target.mongoConnectionString(),
                    target.kafkaBootstrapServers(), archive);
            assertThat(imported.documents()).containsKeys("basin_" + BASIN + ".people", "project_" + BASIN + ".projects",
                    "alize_vault.person_keys", "basin_network.basins");
            PlatformClient targetOperator = PlatformClient.as(target.issuer().token("operateur.valenciennois")
                    .basin(BASIN, "OPERATOR").sign());
            URI targetGateway = target.serviceUrls().get("gateway");
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    BasinFigures.assertSame(BasinFigures.of(targetGateway, targetOperator, BASIN), figures));
            PlatformClient targetAdmin = PlatformClient.as(target.issuer().token("astrees").networkRoles("NETWORK_ADMIN").sign());
            assertThat(targetAdmin.get(targetGateway.resolve("/api/network/basins/" + BASIN)).body())
                    .contains("\"basinId\":\"" + BASIN + "\"");

            // then offboarded there: closed, kept for its retention, purged after a dry run, in every service
            assertThat(targetAdmin.post(targetGateway.resolve("/api/network/basins/" + BASIN + "/close"),
                    "{\"reason\":\"reprise par un autre hébergeur\"}").statusCode()).isEqualTo(200);
            URI offboarding = targetGateway.resolve("/api/network/basins/" + BASIN + "/offboarding");
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(targetAdmin.get(offboarding).body()).contains("\"eligible\":true")
                            .contains("basin_" + BASIN + ".people"));
            HttpResponse<String> purged = targetAdmin.post(offboarding, "{\"confirm\":\"" + BASIN + "\"}");
            assertThat(purged.statusCode()).as(purged.body()).isEqualTo(200);
            try (com.mongodb.client.MongoClient mongo = com.mongodb.client.MongoClients.create(target.mongoConnectionString())) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    assertThat(mongo.listDatabaseNames().into(new java.util.ArrayList<>()))
                            .as("every service dropped the basin's database").noneMatch(name -> name.endsWith("_" + BASIN));
                    for (String database : mongo.listDatabaseNames()) {
                        for (String collection : mongo.getDatabase(database).listCollectionNames()) {
                            if (!collection.equals("tenant_operations") && !collection.equals("purged_basins")
                                    && !(database.equals("basin_network") && collection.equals("basins"))) {
                                assertThat(mongo.getDatabase(database).getCollection(collection)
                                        .countDocuments(new Document("basinId", BASIN))).as(database + "." + collection).isZero();
                            }
                        }
                    }
                });
            }
        }
    }

    private static Path rootOf() {
        return Path.of(System.getProperty("alize.root", "..")).toAbsolutePath().normalize();
    }

    private static void alter(Path archive, Path altered, String entryName) throws Exception {
        try (ZipFile zip = new ZipFile(archive.toFile()); OutputStream out = Files.newOutputStream(altered);
                ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(entryName)) {
                    bytes[bytes.length / 2] = (byte) (bytes[bytes.length / 2] == '1' ? '2' : '1');
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(bytes);
                copy.closeEntry();
            }
        }
    }
}
