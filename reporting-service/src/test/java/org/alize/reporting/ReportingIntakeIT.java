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
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.TopicRecords;
import org.alize.testing.WithAlizeInfra;
import org.alize.testing.contract.EventContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Kafka path: events from the upstream topics reach the indicators once, and a bad record goes to its dead-letter topic. */
@WithAlizeInfra
@SpringBootTest(classes = ReportingServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportingIntakeIT {

    @LocalServerPort
    int port;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    JsonMapper json;
    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    @DisplayName("R-41: sessions published on alize.project.v1, one of them twice, count once; a malformed record is dead-lettered")
    void events_count_once_and_bad_records_are_dead_lettered_R41() {
        String basin = "kafka-a";
        publish(basin, BasinEvents.TOPIC, BasinEvents.BASIN_REGISTERED, basin, new BasinRegistered(basin, "Bassin Kafka",
                "Grand Est", List.of(new BasinRegistered.Commune("54395", "Nancy")), List.of(), null, "PROPOSED", Instant.now(), "test"), UUID.randomUUID().toString());
        String twice = UUID.randomUUID().toString();
        CommitteeSessionHeld first = new CommitteeSessionHeld(basin, "s1", 1, LocalDate.of(2024, 3, 1), 8, 7, 5, 4, Instant.now(),
                "test");
        publish(basin, ProjectEvents.TOPIC, ProjectEvents.COMMITTEE_SESSION_HELD, "s1", first, twice);
        publish(basin, ProjectEvents.TOPIC, ProjectEvents.COMMITTEE_SESSION_HELD, "s1", first, twice);
        publisher.publish(new OutboxEntry(UUID.randomUUID().toString(), ProjectEvents.TOPIC,
                ProjectEvents.COMMITTEE_SESSION_HELD, "/basins/" + basin + "/test/bad", "bad", basin, 1, Instant.now(), "{pas du json"));
        publish(basin, ProjectEvents.TOPIC, ProjectEvents.COMMITTEE_SESSION_HELD, "s2", new CommitteeSessionHeld(basin, "s2", 2,
                LocalDate.of(2024, 6, 1), 8, 7, 5, 4, Instant.now(), "test"), UUID.randomUUID().toString());

        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        JsonNode view = await().atMost(Duration.ofSeconds(30)).until(() -> op.get("/api/basins/" + basin + "/indicators?year=2024"),
                r -> r.status() == 200 && r.json().get("detail").get("activity").get("sessionsHeld").asInt() == 2).json();
        assertThat(view.get("basinName").asString()).isEqualTo("Bassin Kafka");
        // the basin's events so far: registration, the session once, the second session
        assertThat(view.get("currentAsOf").get("eventsApplied").asLong()).isEqualTo(3);
        assertThat(view.get("currentAsOf").get("lastEventType").asString()).isEqualTo(ProjectEvents.COMMITTEE_SESSION_HELD);
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicRecords.read(ProjectEvents.TOPIC + "-dlt",
                r -> basin.equals(r.key())).size() == 1);

        // consumer lag, per topic and partition, as Kafka's own consumer reports it: for ASTREES' administrators
        // only, since metrics name every basin's database and activity
        assertThat(op.get("/actuator/metrics/kafka.consumer.fetch.manager.records.lag.max").status()).isEqualTo(403);
        assertThat(op.get("/actuator/prometheus").status()).isIn(403, 404);
        ApiClient admin = ApiClient.on(port).as(TestIssuer.shared().token("astrees").networkRoles("NETWORK_ADMIN").sign());
        // each topic's listener has several consumers: one that has not fetched yet reports its lag as NaN, for a moment
        ApiClient.Response lag = await().atMost(Duration.ofSeconds(30)).until(
                () -> admin.get("/actuator/metrics/kafka.consumer.fetch.manager.records.lag.max"),
                r -> r.status() != 200 || r.json().get("measurements").get(0).get("value").isNumber());
        assertThat(lag.status()).as(lag.body()).isEqualTo(200);
        assertThat(lag.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(0);
    }

    @Test
    @DisplayName("R-41: a burst of 300 sessions is applied with a few refreshes of the basin, not one per event")
    void a_burst_of_events_refreshes_each_basin_once_per_batch_not_once_per_event_R41() {
        String basin = "kafka-burst";
        MessageListenerContainer container = listeners.getListenerContainer("indicators-projects");
        double refreshesBefore = meters.get("alize.reporting.refresh").timer().count();
        container.pause();
        await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
        for (int i = 0; i < 300; i++) {
            publish(basin, ProjectEvents.TOPIC, ProjectEvents.COMMITTEE_SESSION_HELD, "s" + i, new CommitteeSessionHeld(basin,
                    "s" + i, i + 1, LocalDate.of(2024, 1, 1).plusDays(i), 8, 7, 5, 4, Instant.now(), "test"),
                    UUID.randomUUID().toString());
        }
        long resumed = System.nanoTime();
        container.resume();

        ApiClient op = ApiClient.on(port).as(TestIssuer.shared().token("op").basin(basin, "OPERATOR").sign());
        await().atMost(Duration.ofSeconds(60)).until(() -> op.get("/api/basins/" + basin + "/indicators?year=2024"),
                r -> r.status() == 200 && r.json().get("detail").get("activity").get("sessionsHeld").asInt() == 300);
        double refreshes = meters.get("alize.reporting.refresh").timer().count() - refreshesBefore;
        System.out.printf("reporting burst: 300 events applied in %d ms with %.0f refresh(es) of the basin%n",
                (System.nanoTime() - resumed) / 1_000_000, refreshes);
        assertThat(refreshes).as("one refresh per basin and batch").isBetween(1.0, 30.0);
    }

    private void publish(String basin, String topic, String type, String subject, Object event, String eventId) {
        String payload = json.writeValueAsString(event);
        EventContract.assertConforms(type, payload);
        publisher.publish(new OutboxEntry(eventId, topic, type, "/basins/" + basin + "/test/" + subject, subject, basin, 1,
                Instant.now(), payload));
    }
}
