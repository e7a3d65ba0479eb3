package org.alize.basin.archive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.archive.TenantArchivePart;
import org.alize.tenancy.mongo.BasinRoutingMongoDatabaseFactory;
import org.alize.tenancy.mongo.TenancyMongoConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.core.ConsumerFactory;

import static com.mongodb.client.model.Filters.eq;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * What basin-service adds to a basin's archive besides its database: the basin's entry in the registry, its people's
 * keys from the vault (without them nothing personal in its events can be read), and the basin's events on every
 * topic — the history from which identity- and reporting-service rebuild what they keep. A basin's events are keyed by
 * its id, so they are all in one partition of each topic: only that one is read.
 */
@Configuration(proxyBeanMethods = false)
class BasinArchiveParts {

    @Bean
    @Order(1)
    TenantArchivePart registryEntry(MongoClient client, org.springframework.core.env.Environment environment) {
        String network = BasinRoutingMongoDatabaseFactory.networkDatabase(TenancyMongoConfiguration.databasePrefix(environment));
        return (basin, archive) -> archive.documents("network/basins.jsonl",
                client.getDatabase(network).getCollection("basins").find(eq("_id", basin.value())).iterator());
    }

    @Bean
    @Order(2)
    TenantArchivePart vaultKeys(MongoClient client,
            @Value("${alize.personal-data.vault-database:alize_vault}") String vault) {
        return (basin, archive) -> archive.documents("vault/person_keys.jsonl",
                client.getDatabase(vault).getCollection("person_keys").find(eq("basinId", basin.value())).iterator());
    }

    @Bean
    @Order(3)
    TenantArchivePart events(ConsumerFactory<?, ?> consumers,
            @Value("${alize.tenancy.archive.topics:alize.basin.v1,alize.project.v1,alize.finance.v1}") String topics) {
        return (basin, archive) -> {
            for (String topic : topics.split(",")) {
                archive.lines("events/" + topic.strip() + ".jsonl", read(consumers, topic.strip(), basin).iterator());
            }
        };
    }

    /** The basin's records of one topic, in order, each as one JSON line: key, headers, value and where it was. */
    private static List<String> read(ConsumerFactory<?, ?> consumers, String topic, BasinId basin) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        byte[] key = basin.value().getBytes(UTF_8);
        List<String> lines = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return lines;
            }
            TopicPartition partition = new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions.size());
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end) {
                        break;
                    }
                    if (record.key() != null && Arrays.equals(key, record.key())) {
                        Document headers = new Document();
                        for (Header header : record.headers()) {
                            headers.append(header.key(), header.value() == null ? null : new String(header.value(), UTF_8));
                        }
                        lines.add(new Document("topic", topic).append("partition", record.partition())
                                .append("offset", record.offset()).append("timestamp", record.timestamp())
                                .append("key", basin.value()).append("headers", headers)
                                .append("value", record.value() == null ? null : new String(record.value(), UTF_8)).toJson());
                    }
                }
            }
        }
        return lines;
    }
}
