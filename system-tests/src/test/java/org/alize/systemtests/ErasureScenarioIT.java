package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.alize.kernel.BasinCalendar;
import org.alize.localstack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A person's erasure at their request (RGPD art. 17), through the gateway: a representative of a partner of the demo
 * Valenciennois is recorded with a name, address and phone nobody else has, sits on the approval committee (so
 * identity-service opens them an account and project-service copies them into its replicas) and brings a project
 * (which keeps its prescriber's name); ASTREES erases them; then every database of the platform and every record of
 * every topic, dead letters included, is searched for their name, address and phone.
 */
class ErasureScenarioIT {

    private static final String FIRST = "Gwendoline";
    private static final String LAST = "Ter-Haegen";
    private static final String EMAIL = "gwendoline.terhaegen@escaut-erasure.example";
    private static final String PHONE = "+33 3 27 90 12 34";
    private static final String HEAD_LAST = "Kerbrat-Dujardin";
    private static final String HEAD_EMAIL = "maelys.kerbrat@effacement-sas.example";
    private static final String HEAD_PHONE = "06 71 82 93 04";

    private final LocalStack platform = Platform.get();
    private final URI gateway = platform.serviceUrls().get("gateway");
    private final PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
            .basin("valenciennois", "OPERATOR").sign());
    private final PlatformClient astrees = PlatformClient.as(platform.issuer().token("astrees.dpo")
            .networkRoles("NETWORK_ADMIN").sign());

    @Test
    void an_erased_person_is_found_in_no_database_and_no_topic_of_the_platform() throws Exception {
        LocalDate today = LocalDate.now(BasinCalendar.ZONE);
        String organisations = expect(200, operator.get(basin("/organisations?kind=PARTNER_COMPANY&size=1"))).body();
        Matcher company = Pattern.compile("\"organisationId\":\"([^\"]+)\"").matcher(organisations);
        assertThat(company.find()).as(organisations).isTrue();
        String personId = field(expect(201, operator.post(basin("/people"), """
                {"firstName":"%s","lastName":"%s","email":"%s","phone":"%s","affiliation":"ORGANISATION",
                 "organisationId":"%s","jobTitle":"Directrice de site","inActivity":true}
                """.formatted(FIRST, LAST, EMAIL, PHONE, company.group(1)))), "personId");
        expect(201, operator.post(basin("/committees/approval/members"), """
                {"personId":"%s","seat":"RELAY_STRUCTURE","voting":false,"from":"%s"}
                """.formatted(personId, today.minusDays(1))));
        // project-service learns the composition from basin-service's events, identity-service opens an account
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                operator.get(basin("/committee")).body().contains(FIRST + " " + LAST) && stored(EMAIL).stream()
                        .anyMatch(where -> where.startsWith("identity_network")));
        String project = field(expect(201, operator.post(basin("/projects"), """
                {"company":{"name":"Effacement Test SAS","nafCode":"25.62B","headcount":4,"city":"Anzin"},
                 "head":{"firstName":"Maëlys","lastName":"%s","email":"%s","phone":"%s"},"beneficiaryType":"EXISTING_SME_DEVELOPMENT",
                 "forecastJobs":2,"prescriberId":"%s"}
                """.formatted(HEAD_LAST, HEAD_EMAIL, HEAD_PHONE, personId))), "projectId");
        assertThat(expect(200, operator.get(basin("/projects/" + project))).body()).contains(FIRST + " " + LAST);
        assertThat(stored(LAST)).as("copied by basin-, project- and identity-service")
                .anyMatch(where -> where.startsWith("basin_valenciennois"))
                .anyMatch(where -> where.startsWith("project_valenciennois"))
                .anyMatch(where -> where.startsWith("identity_"));
        assertThat(onTopics(LAST, EMAIL, PHONE)).as("events carry people sealed").isEmpty();

        HttpResponse<String> byOperator = operator.post(erasure(personId), "{\"request\":\"RGPD-2026-099\"}");
        HttpResponse<String> erased = astrees.post(erasure(personId), "{\"request\":\"RGPD-2026-099\"}");

        assertThat(byOperator.statusCode()).isEqualTo(403);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(stored(LAST)).as("databases holding the name").isEmpty();
            assertThat(stored(EMAIL)).as("databases holding the address").isEmpty();
            assertThat(stored(PHONE)).as("databases holding the phone").isEmpty();
        });
        assertThat(onTopics(LAST, EMAIL, PHONE)).as("topic records holding them").isEmpty();
        assertThat(expect(200, operator.get(basin("/projects/" + project))).body()).doesNotContain(LAST)
                .contains("Personne effacée");
        assertThat(expect(200, operator.get(basin("/committee"))).body()).doesNotContain(LAST);
        HttpResponse<String> person = expect(200, operator.get(basin("/people/" + personId)));
        assertThat(person.body()).contains("\"firstName\":\"Personne\"").contains("\"erasedAt\":\"");
        assertThat(operator.put(basin("/people/" + personId), """
                {"firstName":"%s","lastName":"%s","affiliation":"ORGANISATION","organisationId":"%s","inActivity":true}
                """.formatted(FIRST, LAST, company.group(1))).statusCode()).as("an erased person stays erased").isEqualTo(409);

        // the SME's head, known to project-service only
        assertThat(stored(HEAD_LAST)).anyMatch(where -> where.startsWith("project_valenciennois.projects"));
        URI headErasure = gateway.resolve("/api/network/basins/valenciennois/projects/" + project + "/head/erasure");
        assertThat(operator.post(headErasure, "{\"request\":\"RGPD-2026-100\"}").statusCode()).isEqualTo(403);
        assertThat(astrees.post(gateway.resolve("/api/network/basins/inconnu/projects/" + project + "/head/erasure"),
                "{\"request\":\"RGPD-2026-100\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> headErased = astrees.post(headErasure, "{\"request\":\"RGPD-2026-100\"}");
        assertThat(headErased.statusCode()).as(headErased.body()).isEqualTo(200);
        assertThat(astrees.post(headErasure, "{\"request\":\"RGPD-2026-100\"}").statusCode()).isEqualTo(409);
        assertThat(stored(HEAD_LAST)).isEmpty();
        assertThat(stored(HEAD_EMAIL)).isEmpty();
        assertThat(stored(HEAD_PHONE)).isEmpty();
        assertThat(onTopics(HEAD_LAST, HEAD_EMAIL, HEAD_PHONE)).isEmpty();
        assertThat(expect(200, operator.get(basin("/projects/" + project))).body()).contains("Effacement Test SAS")
                .contains("\"head\":{\"firstName\":\"Personne\",\"lastName\":\"effacée\",\"email\":null,\"phone\":null}");
        assertThat(expect(200, operator.get(basin("/projects/" + project + "/history"))).body()).contains("RGPD-2026-100")
                .contains("astrees.dpo");
    }

    private URI basin(String path) {
        return gateway.resolve("/api/basins/valenciennois" + path);
    }

    private URI erasure(String personId) {
        return gateway.resolve("/api/network/basins/valenciennois/people/" + personId + "/erasure");
    }

    /** Every "database.collection" of the platform's MongoDB where a document holds {@code text}, in any case. */
    private List<String> stored(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        try (MongoClient client = MongoClients.create(platform.mongoConnectionString())) {
            for (String database : client.listDatabaseNames()) {
                for (String collection : client.getDatabase(database).listCollectionNames()) {
                    long hits = 0;
                    for (org.bson.Document document : client.getDatabase(database).getCollection(collection).find()) {
                        if (document.toJson().toLowerCase(Locale.ROOT).contains(wanted)) {
                            hits++;
                        }
                    }
                    if (hits > 0) {
                        found.add(database + "." + collection + " (" + hits + ")");
                    }
                }
            }
        }
        return found;
    }

    /** Every record of every topic (dead letters included) whose value, key or headers hold one of {@code texts}. */
    private List<String> onTopics(String... texts) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        List<String> found = new ArrayList<>();
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get();
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
                List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                var ends = consumer.endOffsets(partitions);
                long records = 0;
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        records++;
                        String all = (text(record.key()) + " " + text(record.value()) + " "
                                + java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                                        .map(Header::value).map(ErasureScenarioIT::text).collect(Collectors.joining(" ")))
                                .toLowerCase(Locale.ROOT);
                        for (String wanted : texts) {
                            if (all.contains(wanted.toLowerCase(Locale.ROOT))) {
                                found.add(record.topic() + "@" + record.offset() + " holds " + wanted);
                            }
                        }
                    }
                }
                assertThat(records).as("records read from " + topics).isPositive();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static String field(HttpResponse<String> response, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return matcher.group(1);
    }
}
