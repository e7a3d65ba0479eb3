package org.alize.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import static com.mongodb.client.model.Filters.eq;

/**
 * A basin's archive, whole: {@code export} asks each service that keeps a system of record for its part through the
 * gateway ({@code NETWORK_ADMIN}'s token), checks each part against its own manifest and writes one zip with a
 * manifest of every entry (lines, bytes, SHA-256); {@code import} checks an archive against that manifest, refuses a
 * platform that already holds the basin, restores every database of the basin, the registry's entry and the vault's
 * keys, then publishes the basin's events again in their order, from which identity- and reporting-service rebuild what
 * they keep. The import is the hosting operator's: it writes to MongoDB and Kafka directly.
 *
 * <pre>
 * java -cp local-stack.jar org.alize.localstack.TenantArchiveTool export &lt;gateway URL&gt; &lt;basin&gt; &lt;file.zip&gt;   (token in ALIZE_ADMIN_TOKEN)
 * java -cp local-stack.jar org.alize.localstack.TenantArchiveTool import &lt;mongodb URI&gt; &lt;kafka servers&gt; &lt;file.zip&gt;
 * </pre>
 */
public final class TenantArchiveTool {

    public static final String FORMAT = "alize-tenant-archive/1";
    /** The services whose databases are the basin's system of record, in the order an import restores them. */
    public static final List<String> SERVICES = List.of("basin-service", "project-service", "finance-service");
    static final String MANIFEST = "manifest.json";

    /** What an import restored: documents per database, events per topic. */
    public record Imported(String basin, Map<String, Long> documents, Map<String, Long> events) {
    }

    private TenantArchiveTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("export")) {
            String token = System.getenv("ALIZE_ADMIN_TOKEN");
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("ALIZE_ADMIN_TOKEN: a NETWORK_ADMIN's access token");
            }
            Document manifest = export(URI.create(args[1]), token, args[2], Path.of(args[3]));
            System.out.println(manifest.toJson(JsonWriterSettings.builder().indent(true).build()));
        } else if (args.length == 4 && args[0].equals("import")) {
            System.out.println(importArchive(args[1], args[2], Path.of(args[3])));
        } else {
            System.err.println("usage: export <gateway URL> <basin> <file.zip> | import <mongodb URI> <kafka servers> <file.zip>");
            System.exit(2);
        }
    }

    // --- export -----------------------------------------------------------------------------------------------

    public static Document export(URI gateway, String token, String basin, Path out) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Document entries = new Document();
        Document parts = new Document();
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial), StandardCharsets.UTF_8)) {
            for (String service : SERVICES) {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                                gateway.resolve("/api/network/archives/" + service + "/basins/" + basin))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/zip").GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() == 404) {
                    response.body().close();
                    continue; // nothing of the basin in that service yet
                }
                if (response.statusCode() != 200) {
                    String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                    throw new IOException(service + " answered " + response.statusCode() + ": " + body);
                }
                Document partManifest = copyPart(service, response.body(), zip, entries);
                parts.append(service, partManifest);
            }
            Document manifest = new Document("format", FORMAT).append("basin", basin)
                    .append("exportedAt", Instant.now().toString()).append("parts", parts).append("entries", entries);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.toJson(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).indent(true).build())
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return manifest;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Copies one service's part under {@code service/}, checking every entry against the part's manifest. */
    private static Document copyPart(String service, InputStream body, ZipOutputStream zip, Document entries) throws IOException {
        Map<String, Document> seen = new LinkedHashMap<>();
        Document partManifest = null;
        try (ZipInputStream part = new ZipInputStream(body, StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = part.getNextEntry()) != null; ) {
                if (entry.getName().equals(MANIFEST)) {
                    partManifest = Document.parse(new String(part.readAllBytes(), StandardCharsets.UTF_8));
                    continue;
                }
                checkName(entry.getName());
                zip.putNextEntry(new ZipEntry(service + "/" + entry.getName()));
                Document measured = copy(part, zip);
                zip.closeEntry();
                seen.put(entry.getName(), measured);
                entries.append(service + "/" + entry.getName(), measured);
            }
        }
        if (partManifest == null || !FORMAT.equals(partManifest.getString("format"))) {
            throw new IOException(service + "'s part has no manifest of format " + FORMAT + ": cut short?");
        }
        Document listed = partManifest.get("entries", Document.class);
        if (!listed.keySet().equals(seen.keySet())) {
            throw new IOException(service + "'s part lists " + listed.keySet() + " but holds " + seen.keySet());
        }
        for (Map.Entry<String, Document> entry : seen.entrySet()) {
            Document expected = listed.get(entry.getKey(), Document.class);
            if (!expected.getString("sha256").equals(entry.getValue().getString("sha256"))) {
                throw new IOException(service + "/" + entry.getKey() + " does not match its checksum");
            }
        }
        partManifest.remove("entries");
        return partManifest;
    }

    /** Copies one entry, counting its lines and bytes and hashing it. */
    private static Document copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        long lines = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            digest.update(buffer, 0, n);
            bytes += n;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
        return new Document("lines", lines).append("bytes", bytes).append("sha256", HexFormat.of().formatHex(digest.digest()));
    }

    // --- import -----------------------------------------------------------------------------------------------

    public static Imported importArchive(String mongoUri, String kafkaServers, Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8);
                MongoClient mongo = MongoClients.create(mongoUri)) {
            Document manifest = verify(zip, FORMAT);
            String basin = manifest.getString("basin");
            Document parts = manifest.get("parts", Document.class);
            refuseIfPresent(mongo, basin, parts);
            // a basin purged here before is welcome again: every service forgets the purge (within a minute)
            for (String database : mongo.listDatabaseNames().into(new ArrayList<>())) {
                if (database.endsWith("_network")) {
                    mongo.getDatabase(database).getCollection("purged_basins").deleteOne(eq("_id", basin));
                }
            }
            Map<String, Long> documents = new LinkedHashMap<>();
            List<String> eventEntries = new ArrayList<>();
            for (String name : manifest.get("entries", Document.class).keySet()) {
                String service = name.substring(0, name.indexOf('/'));
                String rest = name.substring(service.length() + 1);
                String prefix = parts.get(service, Document.class).getString("databasePrefix");
                String collection = rest.substring(rest.indexOf('/') + 1, rest.length() - ".jsonl".length());
                if (rest.startsWith("db/")) {
                    documents.put(prefix + "_" + basin + "." + collection,
                            insert(zip, name, mongo.getDatabase(prefix + "_" + basin).getCollection(collection), false));
                } else if (rest.startsWith("network/")) {
                    documents.put(prefix + "_network." + collection,
                            insert(zip, name, mongo.getDatabase(prefix + "_network").getCollection(collection), true));
                } else if (rest.startsWith("vault/")) {
                    documents.put("alize_vault." + collection,
                            insert(zip, name, mongo.getDatabase("alize_vault").getCollection(collection), true));
                } else if (rest.startsWith("events/")) {
                    eventEntries.add(name);
                }
            }
            Map<String, Long> events = republish(zip, eventEntries, kafkaServers);
            return new Imported(basin, documents, events);
        }
    }

    /** The archive's manifest, once every entry it lists is there with its lines and checksum, and nothing else. */
    static Document verify(ZipFile zip, String format) throws IOException {
        ZipEntry manifestEntry = zip.getEntry(MANIFEST);
        if (manifestEntry == null) {
            throw new IOException("no " + MANIFEST + ": not a basin archive, or cut short");
        }
        Document manifest;
        try (InputStream in = zip.getInputStream(manifestEntry)) {
            manifest = Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        if (!format.equals(manifest.getString("format"))) {
            throw new IOException("format " + manifest.getString("format") + " is not " + format);
        }
        Document entries = manifest.get("entries", Document.class);
        List<String> present = new ArrayList<>();
        zip.stream().map(ZipEntry::getName).filter(n -> !n.equals(MANIFEST)).forEach(present::add);
        if (!new java.util.TreeSet<>(present).equals(new java.util.TreeSet<>(entries.keySet()))) {
            throw new IOException("the archive holds " + present + " but its manifest lists " + entries.keySet());
        }
        for (String name : entries.keySet()) {
            checkName(name);
            Document expected = entries.get(name, Document.class);
            Document measured;
            try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                measured = copy(in, OutputStream.nullOutputStream());
            }
            if (!expected.getString("sha256").equals(measured.getString("sha256"))
                    || ((Number) expected.get("lines")).longValue() != measured.getLong("lines")) {
                throw new IOException(name + " does not match the manifest: altered or cut short");
            }
        }
        return manifest;
    }

    private static void refuseIfPresent(MongoClient mongo, String basin, Document parts) {
        List<String> databases = mongo.listDatabaseNames().into(new ArrayList<>());
        for (String service : parts.keySet()) {
            String name = parts.get(service, Document.class).getString("databasePrefix") + "_" + basin;
            if (databases.contains(name)) {
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    if (database.getCollection(collection).countDocuments() > 0) {
                        throw new IllegalStateException("this platform already holds basin " + basin + " (" + name + "."
                                + collection + "): an archive is imported only where the basin is absent");
                    }
                }
            }
        }
    }

    private static long insert(ZipFile zip, String name, MongoCollection<Document> collection, boolean upsert) throws IOException {
        long count = 0;
        List<Document> batch = new ArrayList<>();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(zip.getInputStream(zip.getEntry(name)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                Document document = Document.parse(line);
                count++;
                if (upsert) {
                    collection.replaceOne(eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
                    continue;
                }
                batch.add(document);
                if (batch.size() == 500) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
        return count;
    }

    private static Map<String, Long> republish(ZipFile zip, List<String> entries, String kafkaServers) throws IOException {
        Map<String, Long> published = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            return published;
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String name : entries) {
                long count = 0;
                try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                        zip.getInputStream(zip.getEntry(name)), StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        if (line.isBlank()) {
                            continue;
                        }
                        Document record = Document.parse(line);
                        RecordHeaders headers = new RecordHeaders();
                        record.get("headers", Document.class).forEach((key, value) ->
                                headers.add(key, value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8)));
                        String value = record.getString("value");
                        producer.send(new ProducerRecord<>(record.getString("topic"), null, null,
                                record.getString("key").getBytes(StandardCharsets.UTF_8),
                                value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers));
                        count++;
                    }
                }
                producer.flush();
                published.put(name.substring(name.lastIndexOf('/') + 1, name.length() - ".jsonl".length()), count);
            }
        }
        return published;
    }

    private static void checkName(String name) throws IOException {
        if (name.contains("..") || name.startsWith("/") || !name.matches("^[A-Za-z0-9_./-]+$")) {
            throw new IOException("unexpected entry name " + name);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
