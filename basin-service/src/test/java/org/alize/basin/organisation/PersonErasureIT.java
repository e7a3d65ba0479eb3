package org.alize.basin.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoClient;
import org.alize.basin.BasinApiFixture;
import org.alize.basin.BasinServiceApplication;
import org.alize.basin.events.BasinEvents;
import org.alize.tenancy.personal.PersonalData;
import org.alize.testing.ApiClient;
import org.alize.testing.TopicRecords;
import org.alize.testing.WithAlizeInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A person's erasure at their request (RGPD art. 17) in basin-service: the topic, the basin's database, the API. */
@WithAlizeInfra
@SpringBootTest(classes = BasinServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonErasureIT {

    private static final String FIRST = "Solène";
    private static final String LAST = "Vasseur-Quennehen";
    private static final String EMAIL = "solene.vasseur@verrerie-escaut.example";
    private static final String PHONE = "+33 3 27 41 59 26";

    @LocalServerPort
    int port;

    @Autowired
    PersonalData personal;

    @Autowired
    MongoClient mongo;

    @Test
    void the_topic_carries_people_sealed_and_an_erasure_leaves_nothing_of_them_in_the_basin() {
        BasinApiFixture basin = new BasinApiFixture(port, "erasure-a").registeredAndValidated().withPartners(1);
        String personId = BasinApiFixture.expect(201, basin.operator.post(basin.path("/people"), """
                {"firstName":"%s","lastName":"%s","email":"%s","phone":"%s","affiliation":"ORGANISATION",
                 "organisationId":"%s","jobTitle":"Responsable du site","inActivity":true}
                """.formatted(FIRST, LAST, EMAIL, PHONE, basin.companies.get(0)))).json().get("personId").asString();
        BasinApiFixture.expect(201, basin.operator.post(basin.path("/committees/approval/members"),
                "{\"personId\":\"" + personId + "\",\"seat\":\"PARTNER_REPRESENTATIVE\",\"from\":\"2026-01-05\"}"));
        List<ConsumerRecord<String, byte[]>> before = await().atMost(Duration.ofSeconds(20)).until(() -> events(basin.basin),
                found -> found.stream().anyMatch(r -> BasinEvents.APPROVAL_COMMITTEE_CHANGED.equals(TopicRecords.header(r, "ce_type"))));
        JsonNode recorded = JsonMapper.builder().build().readTree(TopicRecords.body(before.stream()
                .filter(r -> BasinEvents.PERSON_RECORDED.equals(TopicRecords.header(r, "ce_type"))).findFirst().orElseThrow()));
        assertThat(recorded.get("lastName").asString()).startsWith(PersonalData.PREFIX);
        assertThat(personal.open(recorded.get("lastName").asString())).as("sealed, opened by the vault's key").isEqualTo(LAST);
        assertThat(personal.open(recorded.get("email").asString())).isEqualTo(EMAIL);
        before.forEach(r -> assertThat(TopicRecords.body(r)).doesNotContain(LAST).doesNotContain(EMAIL).doesNotContain(PHONE));

        ApiClient.Response byOperator = basin.operator.post("/api/network/basins/" + basin.basin + "/people/" + personId + "/erasure", "{\"request\":\"RGPD-2026-014\"}");
        ApiClient.Response withoutReference = basin.astrees.post("/api/network/basins/" + basin.basin + "/people/" + personId + "/erasure", "{\"request\":\"\"}");
        ApiClient.Response erased = basin.astrees.post("/api/network/basins/" + basin.basin + "/people/" + personId + "/erasure", "{\"request\":\"RGPD-2026-014\"}");
        ApiClient.Response again = basin.astrees.post("/api/network/basins/" + basin.basin + "/people/" + personId + "/erasure", "{\"request\":\"RGPD-2026-014\"}");
        ApiClient.Response update = basin.operator.put(basin.path("/people/" + personId), """
                {"firstName":"%s","lastName":"%s","affiliation":"ORGANISATION","organisationId":"%s","inActivity":true}
                """.formatted(FIRST, LAST, basin.companies.get(0)));

        assertThat(byOperator.status()).as("ASTREES only").isEqualTo(403);
        assertThat(withoutReference.status()).isEqualTo(400);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("rewritten").get("approval_committee").asInt()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("person.erased");
        assertThat(update.status()).isEqualTo(409);
        JsonNode person = basin.operator.get(basin.path("/people/" + personId)).json();
        assertThat(person.get("firstName").asString() + " " + person.get("lastName").asString()).isEqualTo(PersonalData.ERASED_NAME);
        assertThat(person.get("email").isNull()).isTrue();
        assertThat(person.get("erasedAt").isNull()).isFalse();
        assertThat(basin.operator.get(basin.path("/people/" + personId + "/history")).body())
                .contains("ERASED").contains("RGPD-2026-014").contains("claire.martin");

        List<ConsumerRecord<String, byte[]>> after = await().atMost(Duration.ofSeconds(20)).until(() -> events(basin.basin),
                found -> found.stream().anyMatch(r -> BasinEvents.PERSON_ERASED.equals(TopicRecords.header(r, "ce_type"))));
        assertThat(personal.open(recorded.get("lastName").asString())).as("the key is destroyed").isNull();
        after.forEach(r -> assertThat(TopicRecords.body(r)).doesNotContain(LAST).doesNotContain(EMAIL).doesNotContain(PHONE));
        StringBuilder stored = new StringBuilder();
        mongo.getDatabase("basin_erasure-a").listCollectionNames().forEach(collection ->
                mongo.getDatabase("basin_erasure-a").getCollection(collection).find().forEach(d -> stored.append(d.toJson())));
        assertThat(stored.toString()).as("nothing of them in the basin's database").doesNotContain(LAST)
                .doesNotContain(EMAIL).doesNotContain(PHONE).contains(personId);
    }

    private static List<ConsumerRecord<String, byte[]>> events(String basin) {
        return TopicRecords.read(BasinEvents.TOPIC, r -> basin.equals(r.key()));
    }
}
