package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alize.localstack.LocalStack;
import org.alize.localstack.PlatformBackupTool;
import org.alize.localstack.Services;
import org.alize.localstack.StackOptions;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform backed up and restored, as README's operations section says: the demo network's databases and
 * topics backed up, a second platform started empty, the backup restored there, and each demo basin's figures found
 * equal; a backup restored over a platform that holds a basin is refused. In {@code -Pchaos}.
 */
class PlatformBackupRestoreIT {

    private static final List<String> BASINS = List.of("valenciennois", "flandre-dunkerque");

    private final LocalStack source = Platform.get();

    @Test
    void a_backup_restored_into_an_empty_platform_shows_every_basin_s_figures() throws Exception {
        Path work = Files.createTempDirectory("alize-backup-");
        Path backup = work.resolve("platform.zip");
        URI sourceGateway = source.serviceUrls().get("gateway");
        // the scenarios before this one may still be read by the consumers: back up a platform at rest
        Map<String, List<JsonNode>> expected = new LinkedHashMap<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            Map<String, List<JsonNode>> now = new LinkedHashMap<>();
            for (String basin : BASINS) {
                now.put(basin, BasinFigures.of(sourceGateway, operator(source, basin), basin));
            }
            boolean still = now.equals(expected);
            expected.clear();
            expected.putAll(now);
            return still;
        });

        long started = System.nanoTime();
        Document manifest = PlatformBackupTool.backup(source.mongoConnectionString(), source.kafkaBootstrapServers(), backup);
        long backupMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(manifest.get("entries", Document.class).keySet()).contains("mongo/basin_valenciennois/people.jsonl",
                "mongo/identity_network/accounts.jsonl", "kafka/alize.basin.v1/0.jsonl");
        assertThatThrownBy(() -> PlatformBackupTool.restore(source.mongoConnectionString(), source.kafkaBootstrapServers(),
                backup)).hasMessageContaining("already holds a basin");

        StackOptions options = StackOptions.onFreePorts(Path.of(System.getProperty("alize.root", "..")).toAbsolutePath()
                .normalize(), work.resolve("target"), Services.ALL, List.of(), new PrintStream(Files.newOutputStream(
                        Path.of("target/backup-target-stack.log")), true, StandardCharsets.UTF_8)).withSeed(false);
        try (LocalStack target = LocalStack.start(options)) {
            started = System.nanoTime();
            PlatformBackupTool.Restored restored = PlatformBackupTool.restore(target.mongoConnectionString(),
                    target.kafkaBootstrapServers(), backup);
            long restoreMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("platform backup: %d entries, %d bytes, taken in %d ms; restored in %d ms: %s%n",
                    manifest.get("entries", Document.class).size(), Files.size(backup), backupMillis, restoreMillis, restored);
            URI targetGateway = target.serviceUrls().get("gateway");
            for (String basin : BASINS) {
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                        BasinFigures.assertSame(BasinFigures.of(targetGateway, operator(target, basin), basin), expected.get(basin)));
            }
        }
    }

    private static PlatformClient operator(LocalStack stack, String basin) {
        return PlatformClient.as(stack.issuer().token("operateur." + basin).basin(basin, "OPERATOR").sign());
    }
}
