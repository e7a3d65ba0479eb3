package org.alize.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfraRestartIT {

    private static final String TOPIC = "alize.restart.v1";
    private static final String GROUP = "restart-check";

    @TempDir
    Path dataDir;

    @Test
    void a_restart_on_the_same_data_directory_keeps_topics_offsets_and_documents() throws Exception {
        String clusterId;
        try (EmbeddedInfra infra = EmbeddedInfra.persistent(dataDir, 0, 0)) {
            try (Admin admin = admin(infra)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            produce(infra, "first", "second", "third");
            assertThat(consume(infra, 2)).containsExactly("first", "second");
            try (MongoClient client = MongoClients.create(infra.mongoConnectionString())) {
                client.getDatabase("project_valenciennois").getCollection("projects")
                        .insertOne(new Document("_id", "p-1").append("name", "Fonderie Hennuyère"));
            }
            clusterId = clusterIdIn(dataDir.resolve("kafka"));
        }

        assertThat(EmbeddedKafka.isFormatted(dataDir.resolve("kafka"))).isTrue();

        try (EmbeddedInfra infra = EmbeddedInfra.persistent(dataDir, 0, 0)) {
            assertThat(clusterIdIn(dataDir.resolve("kafka"))).as("the log directory was not formatted again")
                    .isEqualTo(clusterId);
            try (Admin admin = admin(infra)) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
            }
            assertThat(consume(infra, 1)).as("the group resumes after its committed offset").containsExactly("third");
            try (MongoClient client = MongoClients.create(infra.mongoConnectionString())) {
                Document project = client.getDatabase("project_valenciennois").getCollection("projects")
                        .find(new Document("_id", "p-1")).first();
                assertThat(project).isNotNull();
                assertThat(project.getString("name")).isEqualTo("Fonderie Hennuyère");
            }
        }
    }

    @Test
    void an_ephemeral_infra_serves_kafka_and_mongodb_on_free_ports() throws Exception {
        try (EmbeddedInfra infra = EmbeddedInfra.ephemeral()) {
            produce(infra, "hello");
            assertThat(consume(infra, 1)).containsExactly("hello");
            try (MongoClient client = MongoClients.create(infra.mongoConnectionString())) {
                assertThat(client.listDatabaseNames().into(new ArrayList<>())).isNotNull();
            }
        }
    }

    private static Admin admin(EmbeddedInfra infra) {
        return Admin.create(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()));
    }

    private static void produce(EmbeddedInfra infra, String... values) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, "valenciennois", value)).get();
            }
        }
    }

    /** Reads {@code count} records in the group and commits their offsets. */
    private static List<String> consume(EmbeddedInfra infra, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(Set.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            consumer.commitSync();
        }
        return values;
    }

    private static String clusterIdIn(Path logDir) throws Exception {
        Properties meta = new Properties();
        try (var in = Files.newInputStream(logDir.resolve("meta.properties"))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }
}
