package org.alize.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import static com.mongodb.client.model.Filters.eq;

/**
 * A backup of the whole platform and its restore, for a platform where MongoDB's and Kafka's own tools are not at hand
 * (the embedded stack; a deployment uses {@code mongodump --oplog} and Kafka's replication, see README): every
 * database but MongoDB's own, every document as an Extended JSON line; every record of every topic (the dead letters
 * too), partition by partition, with its key and headers; a manifest of every entry (lines, bytes, SHA-256) and of
 * each topic's partitions.
 *
 * <p>Restore: into a platform started empty (its services running: they made their topics and bookkeeping). The
 * archive is checked first; a platform that holds any basin already is refused; every document is written over the
 * target's (by {@code _id}), then every record is published again to its partition, in order. The consumers find
 * their {@code processed_events} restored and skip what they had handled; what the backup caught in between (an event
 * on a topic whose effect was not yet in a database) is handled then. Stop the platform's writers for a backup that
 * is one instant.
 */
public final class PlatformBackupTool {

    public static final String FORMAT = "alize-platform-backup/1";
    private static final Set<String> MONGO_OWN = Set.of("admin", "local", "config");
    private static final JsonWriterSettings EJSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    /** What a restore wrote: documents per database, records per topic. */
    public record Restored(Map<String, Long> documents, Map<String, Long> records) {
    }

    private PlatformBackupTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("backup")) {
            System.out.println(backup(args[1], args[2], Path.of(args[3])).toJson(JsonWriterSettings.builder().indent(true).build()));
        } else if (args.length == 4 && args[0].equals("restore")) {
            System.out.println(restore(args[1], args[2], Path.of(args[3])));
        } else {
            System.err.println("usage: backup|restore <mongodb URI> <kafka servers> <file.zip>");
            System.exit(2);
        }
    }

    public static Document backup(String mongoUri, String kafkaServers, Path out) throws IOException {
        Document entries = new Document();
        Document topics = new Document();
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        try (MongoClient mongo = MongoClients.create(mongoUri);
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial), StandardCharsets.UTF_8)) {
            List<String> databases = mongo.listDatabaseNames().into(new ArrayList<>());
            databases.sort(null);
            for (String database : databases) {
                if (MONGO_OWN.contains(database)) {
                    continue;
                }
                List<String> collections = mongo.getDatabase(database).listCollectionNames().into(new ArrayList<>());
                collections.sort(null);
                for (String collection : collections) {
                    if (collection.startsWith("system.")) {
                        continue;
                    }
                    List<String> lines = new ArrayList<>();
                    mongo.getDatabase(database).getCollection(collection).find().sort(Sorts.ascending("_id"))
                            .forEach(d -> lines.add(d.toJson(EJSON)));
                    entries.append("mongo/" + database + "/" + collection + ".jsonl", write(zip,
                            "mongo/" + database + "/" + collection + ".jsonl", lines));
                }
            }
            try (Admin admin = Admin.create(kafka(kafkaServers))) {
                Set<String> names = new TreeSet<>(admin.listTopics().names().get());
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
                for (String topic : names) {
                    int partitions = described.get(topic).partitions().size();
                    topics.append(topic, partitions);
                    for (int p = 0; p < partitions; p++) {
                        String name = "kafka/" + topic + "/" + p + ".jsonl";
                        entries.append(name, write(zip, name, records(kafkaServers, new TopicPartition(topic, p))));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e.getCause());
            }
            Document manifest = new Document("format", FORMAT).append("takenAt", Instant.now().toString())
                    .append("topics", topics).append("entries", entries);
            zip.putNextEntry(new ZipEntry(TenantArchiveTool.MANIFEST));
            zip.write(manifest.toJson(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).indent(true).build())
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            zip.close();
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
            return manifest;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    public static Restored restore(String mongoUri, String kafkaServers, Path in) throws IOException {
        try (ZipFile zip = new ZipFile(in.toFile(), StandardCharsets.UTF_8); MongoClient mongo = MongoClients.create(mongoUri)) {
            Document manifest = TenantArchiveTool.verify(zip, FORMAT);
            for (String database : mongo.listDatabaseNames()) {
                if (database.startsWith("basin_") && !database.equals("basin_network")
                        && mongo.getDatabase(database).listCollectionNames().into(new ArrayList<>()).stream()
                                .anyMatch(c -> mongo.getDatabase(database).getCollection(c).countDocuments() > 0)) {
                    throw new IllegalStateException("this platform already holds a basin (" + database
                            + "): a backup is restored into a platform started empty");
                }
            }
            Map<String, Long> documents = new LinkedHashMap<>();
            Map<String, Long> records = new LinkedHashMap<>();
            Document entries = manifest.get("entries", Document.class);
            for (String name : entries.keySet()) {
                if (name.startsWith("mongo/")) {
                    String[] parts = name.substring("mongo/".length(), name.length() - ".jsonl".length()).split("/", 2);
                    MongoCollection<Document> collection = mongo.getDatabase(parts[0]).getCollection(parts[1]);
                    long count = 0;
                    for (String line : lines(zip, name)) {
                        Document document = Document.parse(line);
                        collection.replaceOne(eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
                        count++;
                    }
                    documents.merge(parts[0], count, Long::sum);
                }
            }
            Document topics = manifest.get("topics", Document.class);
            try (Admin admin = Admin.create(kafka(kafkaServers));
                    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producer(kafkaServers),
                            new ByteArraySerializer(), new ByteArraySerializer())) {
                Set<String> present = admin.listTopics().names().get();
                for (String topic : topics.keySet()) {
                    int partitions = ((Number) topics.get(topic)).intValue();
                    if (!present.contains(topic)) {
                        admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
                                .all().get();
                    } else if (admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size() != partitions) {
                        throw new IllegalStateException(topic + " has not the " + partitions + " partitions of the backup");
                    }
                    long count = 0;
                    for (int p = 0; p < partitions; p++) {
                        for (String line : lines(zip, "kafka/" + topic + "/" + p + ".jsonl")) {
                            Document record = Document.parse(line);
                            RecordHeaders headers = new RecordHeaders();
                            record.get("headers", Document.class).forEach((key, value) -> headers.add(key,
                                    value == null ? null : java.util.Base64.getDecoder().decode(value.toString())));
                            producer.send(new ProducerRecord<>(topic, p, null, bytes(record.getString("key")),
                                    bytes(record.getString("value")), headers));
                            count++;
                        }
                    }
                    producer.flush();
                    records.put(topic, count);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e.getCause());
            }
            return new Restored(documents, records);
        }
    }

    /** A partition's records, in order: key and value as text (base64 for the headers, which may be bytes). */
    private static List<String> records(String kafkaServers, TopicPartition partition) {
        Properties config = kafka(kafkaServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> lines = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end) {
                        break;
                    }
                    Document headers = new Document();
                    for (Header header : record.headers()) {
                        headers.append(header.key(), header.value() == null ? null
                                : java.util.Base64.getEncoder().encodeToString(header.value()));
                    }
                    lines.add(new Document("offset", record.offset()).append("timestamp", record.timestamp())
                            .append("key", text(record.key())).append("headers", headers)
                            .append("value", text(record.value())).toJson());
                }
            }
        }
        return lines;
    }

    private static Document write(ZipOutputStream zip, String name, List<String> lines) throws IOException {
        MessageDigest digest = sha256();
        zip.putNextEntry(new ZipEntry(name));
        long bytes = 0;
        OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest);
        for (String line : lines) {
            byte[] data = (line + "\n").getBytes(StandardCharsets.UTF_8);
            zip.write(data);
            out.write(data);
            bytes += data.length;
        }
        zip.closeEntry();
        return new Document("lines", (long) lines.size()).append("bytes", bytes)
                .append("sha256", HexFormat.of().formatHex(digest.digest()));
    }

    private static List<String> lines(ZipFile zip, String name) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = zip.getInputStream(zip.getEntry(name));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static Properties kafka(String servers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        return config;
    }

    private static Properties producer(String servers) {
        Properties config = kafka(servers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return config;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
