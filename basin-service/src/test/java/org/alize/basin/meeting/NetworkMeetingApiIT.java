package org.alize.basin.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.alize.basin.BasinServiceApplication;
import org.alize.basin.events.BasinEvents;
import org.alize.kernel.BasinCalendar;
import org.alize.tenancy.BasinContext;
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.TopicRecords;
import org.alize.testing.WithAlizeInfra;
import org.alize.testing.contract.EventContract;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

@WithAlizeInfra
@SpringBootTest(classes = BasinServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NetworkMeetingApiIT {

    @LocalServerPort
    int port;

    @Test
    void astrees_records_a_meeting_held_and_each_invited_basin_hears_of_it_on_its_stream_R40() {
        ApiClient astrees = ApiClient.on(port).as(TestIssuer.shared().token("astrees").networkRoles("NETWORK_ADMIN").sign());
        String meetingId = astrees.post("/api/network/meetings", """
                {"kind":"NETWORK_LIFE","title":"Vie du réseau","date":"%s","invitedBasins":["mtg-a","mtg-b"]}
                """.formatted(LocalDate.now(BasinCalendar.ZONE).minusDays(2))).json().get("meetingId").asString();

        ApiClient.Response held = astrees.post("/api/network/meetings/" + meetingId + "/held",
                "{\"attendance\":[{\"basinId\":\"mtg-a\",\"operator\":true,\"president\":true}]}");

        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(astrees.get("/api/network/meetings/summary?year=" + LocalDate.now(BasinCalendar.ZONE).minusDays(2).getYear()).json()
                .get("networkLifeHeld").asInt()).isGreaterThanOrEqualTo(1);
        int year = LocalDate.now(BasinCalendar.ZONE).minusDays(2).getYear();
        assertThat(astrees.get("/api/network/meetings?year=" + year + "&size=200").json().path("items").toString())
                .as("the year's meetings, by pages").contains(meetingId);
        assertThat(astrees.get("/api/network/meetings?size=201").status()).isEqualTo(400);
        for (String basin : List.of("mtg-a", "mtg-b")) {
            String body = TopicRecords.body(await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.read(
                    BasinEvents.TOPIC, r -> basin.equals(r.key())
                            && BasinEvents.NETWORK_MEETING_HELD.equals(TopicRecords.header(r, "ce_type"))),
                    found -> !found.isEmpty()).get(0));
            EventContract.assertConforms(BasinEvents.NETWORK_MEETING_HELD, body);
            assertThat(body).contains("\"basinId\":\"" + basin + "\"");
            String planned = TopicRecords.body(await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.read(
                    BasinEvents.TOPIC, r -> basin.equals(r.key())
                            && BasinEvents.NETWORK_MEETING_PLANNED.equals(TopicRecords.header(r, "ce_type"))),
                    found -> !found.isEmpty()).get(0));
            EventContract.assertConforms(BasinEvents.NETWORK_MEETING_PLANNED, planned);
            assertThat(planned).contains("\"basinsInvited\":2");
        }
        ApiClient.Response tooMany = astrees.post("/api/network/meetings", """
                {"kind":"NETWORK_LIFE","title":"Vie du réseau","date":"2027-01-10","invitedBasins":%s}
                """.formatted(java.util.stream.IntStream.range(0, 501).mapToObj(i -> "\"bassin-" + i + "\"").toList()));
        assertThat(tooMany.status()).isEqualTo(400);
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_meeting_planned_without_a_list_invites_every_active_basin_and_a_meeting_held_counts_for_each_R40() {
        ApiClient astrees = ApiClient.on(port).as(TestIssuer.shared().token("astrees").networkRoles("NETWORK_ADMIN").sign());
        BasinContext.callInNetwork(() -> {
            mongo.save(new Document("_id", "mtg-active-1").append("name", "Actif 1").append("status", "ACTIVE"), "basins");
            mongo.save(new Document("_id", "mtg-active-2").append("name", "Actif 2").append("status", "ACTIVE"), "basins");
            mongo.save(new Document("_id", "mtg-proposed").append("name", "Proposé").append("status", "PROPOSED"), "basins");
            return null;
        });

        JsonNode planned = astrees.post("/api/network/meetings", """
                {"kind":"NETWORK_LIFE","title":"Vie du réseau — printemps","date":"%s"}
                """.formatted(LocalDate.now(BasinCalendar.ZONE).plusDays(30))).json();

        assertThat(planned.path("invitedBasins").toString()).contains("mtg-active-1", "mtg-active-2").doesNotContain("mtg-proposed");

        // a meeting ASTREES restricts to one basin still counts, as missed, for every other active basin
        String restricted = astrees.post("/api/network/meetings", """
                {"kind":"NETWORK_LIFE","title":"Atelier des opérateurs","date":"%s","invitedBasins":["mtg-active-1"]}
                """.formatted(LocalDate.now(BasinCalendar.ZONE).minusDays(1))).json().get("meetingId").asString();
        assertThat(astrees.post("/api/network/meetings/" + restricted + "/held",
                "{\"attendance\":[{\"basinId\":\"mtg-active-1\",\"operator\":true,\"president\":false}]}").status()).isEqualTo(200);
        String told = TopicRecords.body(await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.read(BasinEvents.TOPIC,
                r -> "mtg-active-2".equals(r.key()) && BasinEvents.NETWORK_MEETING_HELD.equals(TopicRecords.header(r, "ce_type"))),
                found -> !found.isEmpty()).get(0));
        assertThat(told).contains("\"meetingId\":\"" + restricted + "\"", "\"operatorPresent\":false");
        assertThat(TopicRecords.read(BasinEvents.TOPIC, r -> "mtg-proposed".equals(r.key()))).isEmpty();
    }

    @Test
    void a_basin_operator_cannot_plan_network_meetings() {
        ApiClient operator = ApiClient.on(port).as(TestIssuer.shared().token("op").basin("mtg-a", "OPERATOR").sign());

        assertThat(operator.post("/api/network/meetings",
                "{\"kind\":\"NETWORK_LIFE\",\"title\":\"x\",\"date\":\"2026-01-01\"}").status()).isEqualTo(403);
    }
}
