package org.alize.tenancy.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.alize.tenancy.BasinId;
import org.alize.testing.MemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Crypto-shredding and the scrub of a database, on the store the services run on. */
class PersonalDataTest {

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private static final BasinId BASIN = BasinId.of("hainaut");

    private final PersonalKeys keys = new PersonalKeys(MONGO.client(), "vault_test", Clock.systemUTC());
    private final PersonalData data = new PersonalData(keys);

    @Test
    void a_sealed_value_opens_with_its_persons_key_and_never_again_once_the_key_is_destroyed() {
        String sealed = data.seal(BASIN, "per-1", "Isabelle Roche");
        assertThat(sealed).startsWith("pd1:hainaut/per-1:").doesNotContain("Isabelle").doesNotContain("Roche");
        assertThat(data.seal(BASIN, "per-1", "Isabelle Roche")).isNotEqualTo(sealed); // a fresh nonce each time
        assertThat(data.open(sealed)).isEqualTo("Isabelle Roche");
        assertThat(data.open("Jean Dupont")).as("published before sealing existed").isEqualTo("Jean Dupont");

        assertThat(keys.destroy(BASIN, "per-1")).isTrue();
        PersonalData otherInstance = new PersonalData(new PersonalKeys(MONGO.client(), "vault_test", Clock.systemUTC()));
        assertThat(otherInstance.open(sealed)).isNull();
        assertThat(data.open(sealed)).isNull();
        assertThat(data.openName(sealed)).isEqualTo(PersonalData.ERASED_NAME);
        assertThat(otherInstance.seal(BASIN, "per-1", "Isabelle Roche")).as("no key is made again").isNull();
        assertThat(keys.erased(BASIN, "per-1")).isTrue();
        assertThat(keys.destroy(BASIN, "per-1")).as("destroyed once").isFalse();
    }

    @Test
    void a_value_sealed_for_one_person_does_not_open_as_another_s() {
        String sealed = data.seal(BASIN, "per-2", "Paul Martin");
        String forged = sealed.replace("hainaut/per-2", "hainaut/per-3");
        data.seal(BASIN, "per-3", "x");
        assertThatThrownBy(() -> data.open(forged)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_scrub_removes_a_person_wherever_a_service_copied_them_and_leaves_the_others() {
        MongoDatabase db = MONGO.client().getDatabase("scrub_test");
        db.getCollection("committee").insertOne(new Document("_id", "committee").append("version", 3L)
                .append("members", List.of(new Document("personId", "per-1").append("name", "Isabelle Roche"),
                        new Document("personId", "per-9").append("name", "Paul Martin")))
                .append("history", List.of(new Document("detail", "ISABELLE   roche (titulaire) à partir du 2026-01-01"))));
        db.getCollection("idempotency").insertOne(new Document("_id", "k1")
                .append("body", "{\"personId\":\"per-1\",\"firstName\":\"Isabelle\",\"lastName\":\"Roche\",\"email\":\"i.roche@rail.example\"}"));
        db.getCollection("heads").insertOne(new Document("_id", "h1")
                .append("head", new Document("firstName", "Isabelle").append("lastName", "Roche").append("phone", "06 12 34 56 78")));
        db.getCollection("untouched").insertOne(new Document("_id", "u1").append("name", "Isabelle Rochefort")
                .append("note", "Roche est une commune"));
        db.getCollection("people").insertOne(new Document("_id", "per-1").append("name", "Isabelle Roche"));

        PersonalDataScrubber.Report report = new PersonalDataScrubber().scrub(db,
                new PersonalDataScrubber.Subject("Isabelle", "Roche", "i.roche@rail.example", "06 12 34 56 78"),
                (collection, id) -> collection.equals("people") && "per-1".equals(id));

        assertThat(report.rewritten()).isEqualTo(Map.of("committee", 1, "idempotency", 1, "heads", 1));
        assertThat(report.read()).isEqualTo(5);
        String all = dump(db, "committee") + dump(db, "idempotency") + dump(db, "heads");
        assertThat(all.toLowerCase()).doesNotContain("isabelle").doesNotContain("roche").doesNotContain("06 12 34")
                .contains("paul martin");
        Document committee = db.getCollection("committee").find().first();
        assertThat(committee.getLong("version")).as("a command that read it before cannot write it back").isEqualTo(4L);
        assertThat(committee.getList("members", Document.class).get(0).getString("name")).isEqualTo(PersonalData.ERASED_NAME);
        assertThat(db.getCollection("heads").find().first().get("head", Document.class))
                .containsEntry("firstName", "Personne").containsEntry("lastName", "effacée").containsEntry("phone", null);
        assertThat(dump(db, "untouched")).contains("Isabelle Rochefort").contains("Roche est une commune");
        assertThat(dump(db, "people")).as("left to its owner").contains("Isabelle Roche");
    }

    private static String dump(MongoDatabase db, String collection) {
        StringBuilder out = new StringBuilder();
        db.getCollection(collection).find().forEach(d -> out.append(d.toJson()));
        return out.toString();
    }
}
