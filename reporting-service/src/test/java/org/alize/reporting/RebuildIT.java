package org.alize.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.BasinRegistered;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.messaging.outbox.OutboxEntry;
import org.alize.project.events.CommitteeSessionHeld;
import org.alize.project.events.ProjectEvents;
import org.alize.reporting.indicator.Generations;
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.WithAlizeInfra;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rebuild replays the topics into a new generation, finds it equal to the live one, switches the views to it,
 * and the live consumer then writes there. Its own databases and consumer group, so that the read models hold
 * exactly what the topics say (other test classes apply events straight to their projector).
 */
@WithAlizeInfra
@SpringBootTest(classes = ReportingServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"alize.tenancy.database-prefix=rebuildit", "alize.reporting.consumer-group=reporting-rebuild-it"})
class RebuildIT {

    @LocalServerPort
    int port;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    JsonMapper json;
    @Autowired
    Generations generations;

    @Test
    @DisplayName("R-42: a rebuild from the topics equals the live read models, switches the views, and the live consumer follows")
    void rebuild_replays_compares_and_switches_R42() {
        String basin = "rebuild-a";
        publish(basin, BasinEvents.TOPIC, BasinEvents.BASIN_REGISTERED, new BasinRegistered(basin, "Bassin reconstruit",
                "Bretagne", List.of(new BasinRegistered.Commune("35238", "Rennes")), List.of(), null, "PROPOSED", Instant.now(),
                "test"));
        for (int s = 1; s <= 3; s++) {
            publish(basin, ProjectEvents.TOPIC, ProjectEvents.COMMITTEE_SESSION_HELD, session(basin, s));
        }
        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        String view = "/api/basins/" + basin + "/indicators?year=2023";
        await().atMost(Duration.ofSeconds(30)).until(() -> op.get(view), r -> r.status() == 200
                && r.json().get("detail").get("activity").get("sessionsHeld").asInt() == 3);
        int before = generations.active().number();

        ApiClient astrees = ApiClient.on(port).as(TestIssuer.shared().token("astrees").networkRoles("NETWORK_ADMIN").sign());
        ApiClient.Response started = astrees.post("/api/network/indicators/rebuilds", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(astrees.post("/api/network/indicators/rebuilds", "{}").status()).isEqualTo(409);
        String location = started.location();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> astrees.get(location).json(),
                r -> !"RUNNING".equals(r.get("status").asString()));

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SWITCHED");
        assertThat(done.get("comparison").get("equal").asBoolean()).as(done.toString()).isTrue();
        assertThat(done.get("comparison").get("rebuiltDocuments").asInt()).isEqualTo(done.get("comparison")
                .get("liveDocuments").asInt()).isPositive();
        assertThat(done.get("eventsApplied").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(generations.active().number()).isEqualTo(before + 1);
        assertThat(op.get(view).json().get("detail").get("activity").get("sessionsHeld").asInt()).isEqualTo(3);

        publish(basin, ProjectEvents.TOPIC, ProjectEvents.COMMITTEE_SESSION_HELD, session(basin, 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> op.get(view).json().get("detail").get("activity")
                .get("sessionsHeld").asInt() == 4);
        assertThat(astrees.get("/api/network/indicators/rebuilds").json().get("items").get(0).get("id").asString())
                .isEqualTo(done.get("id").asString());
        assertThat(op.post("/api/network/indicators/rebuilds", "{}").status()).isEqualTo(403);
        ApiClient national = ApiClient.on(port).as(TestIssuer.shared().token("cn").networkRoles("NATIONAL_COMMITTEE").sign());
        assertThat(national.post("/api/network/indicators/rebuilds", "{}").status()).isEqualTo(403);
    }

    private static CommitteeSessionHeld session(String basin, int number) {
        return new CommitteeSessionHeld(basin, "s" + number, number, LocalDate.of(2023, number, 10), 8, 7, 5, 3, Instant.now(),
                "test");
    }

    private void publish(String basin, String topic, String type, Object event) {
        publisher.publish(new OutboxEntry(UUID.randomUUID().toString(), topic, type, "/basins/" + basin + "/test", basin, basin,
                1, Instant.now(), json.writeValueAsString(event)));
    }
}
