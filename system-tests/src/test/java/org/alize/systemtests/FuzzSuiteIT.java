package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.alize.localstack.LocalStack;
import org.alize.localstack.Services;
import org.alize.testing.TestIssuer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of every service's OpenAPI, sent through the gateway with hostile and boundary values
 * in each parameter and body field (wrong types, −1, 0, 2³¹−1, 1e308, over-precise decimals, NUL, RTL and
 * control characters, 10,000 characters, far past and far future dates, unknown enum values) and hostile
 * bodies (1,000 levels of nesting, over the size cap, duplicated fields, not JSON). No answer may be a
 * 5xx, every service must be healthy afterwards, and a refused request must store nothing: each
 * operation's basin databases are compared before and after its refused variants, and the demo basins'
 * databases before and after the whole run.
 *
 * <p>Basin operations run as the operator of a basin of their own (so that what a benign variant writes
 * harms no other test); network writes run with a network role that is not ASTREES' administrator, so
 * that the input is checked and the write then refused.
 */
class FuzzSuiteIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FUZZ = "fuzz-bassin";
    private static final List<String> DEMO_BASINS = List.of("valenciennois", "flandre-dunkerque");
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)}");
    /**
     * Collections written for bookkeeping, not the basin's data: consumers' markers and replicas, and finance's
     * treasury lease (every outflow takes and frees it, a refused one too, and keeps the accounts' figures there).
     */
    private static final Pattern CONSUMER_WRITES = Pattern.compile("processed|consumed|replica|treasury");
    /**
     * The outbox relay's own fields of an aggregate: it publishes off the request thread, so an earlier accepted
     * command's event may leave the outbox while a later operation's variants run.
     */
    private static final List<String> RELAY_FIELDS = List.of("outbox", "outboxParkedOn");

    private final LocalStack platform = Platform.get();
    private final TestIssuer issuer = platform.issuer();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger unique = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record Operation(String service, String method, String path, JsonNode spec) {
        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    private record Variant(String what, String path, String query, String body, String contentType) {
    }

    @Test
    void hostile_values_in_every_field_of_every_operation_get_no_5xx_and_store_nothing_when_refused() throws Exception {
        String operator = issuer.token("fuzz.operateur").basin(FUZZ, "OPERATOR").sign();
        String networkReader = issuer.token("fuzz.astrees").networkRoles("NETWORK_ADMIN").sign();
        String networkWriter = issuer.token("fuzz.comite-national").networkRoles("NATIONAL_COMMITTEE").sign();
        URI gateway = platform.serviceUrls().get("gateway");

        List<Operation> operations = operations();
        int declared = operations.size();
        Map<String, String> demoBefore = snapshot(DEMO_BASINS);
        int requests = 0;
        int exercised = 0;
        int accepted = 0;
        int changedWithoutAcceptance = 0;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Operation operation : operations) {
                boolean basinScoped = operation.path().startsWith("/api/basins/{basinId}");
                boolean write = !operation.method().equals("get");
                String token = basinScoped ? operator : write ? networkWriter : networkReader;
                List<Variant> variants = variants(operation);
                String own = operation.service() + "_" + FUZZ;
                Map<String, String> before = snapshotOf(own);
                List<Future<Integer>> answers = new ArrayList<>();
                for (Variant variant : variants) {
                    answers.add(pool.submit(send(operation, variant, gateway, token)));
                }
                int acceptedHere = 0;
                for (Future<Integer> answer : answers) {
                    if (answer.get() < 300) {
                        acceptedHere++;
                    }
                }
                requests += variants.size();
                accepted += acceptedHere;
                exercised++;
                if (acceptedHere == 0) {
                    Map<String, String> after = snapshotOf(own);
                    if (!before.equals(after)) {
                        changedWithoutAcceptance++;
                        failures.add(operation.name() + ": every variant was refused, yet " + changed(before, after)
                                + " changed");
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, String> demoAfter = snapshot(DEMO_BASINS);
        System.out.printf("fuzz suite: %d requests on %d operations (%d declared), answers by status %s, %d accepted "
                        + "(benign values within bounds, in the fuzz basin), %d refused operations that changed data%n",
                requests, exercised, declared, new TreeMap<>(statuses), accepted, changedWithoutAcceptance);
        assertThat(failures).as("5xx answers, refusals that are not problems, or writes behind refusals").isEmpty();
        assertThat(exercised).as("operations exercised against the OpenAPI documents").isEqualTo(declared);
        assertThat(declared).isGreaterThanOrEqualTo(140);
        assertThat(requests).isGreaterThanOrEqualTo(10_000);
        assertThat(demoAfter).as("the demo basins' data").isEqualTo(demoBefore);
        for (Map.Entry<String, URI> service : platform.serviceUrls().entrySet()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(service.getValue().resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(service.getKey() + " healthy after the fuzz").isEqualTo(200);
        }
    }

    private Callable<Integer> send(Operation operation, Variant variant, URI gateway, String token) {
        return () -> {
            URI uri = URI.create(gateway.toString().replaceAll("/$", "") + variant.path()
                    + (variant.query() == null ? "" : "?" + variant.query()));
            String method = operation.method().toUpperCase();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json, */*;q=0.5");
            if (variant.body() != null) {
                request.header("Content-Type", variant.contentType());
                request.method(method, HttpRequest.BodyPublishers.ofString(variant.body()));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            String what = operation.name() + " [" + variant.what() + "] answered " + status + " "
                    + abbreviate(response.body());
            if (status >= 500) {
                failures.add(what);
            } else if ((status == 400 || status == 422) && !response.headers().firstValue("Content-Type")
                    .orElse("").startsWith("application/problem+json")) {
                failures.add(what + " (not a problem document)");
            }
            return status;
        };
    }

    /** Every operation under /api of every service's OpenAPI document. */
    private List<Operation> operations() throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, URI> service : platform.serviceUrls().entrySet()) {
            if (service.getKey().equals("gateway") || service.getKey().equals(Services.CONSOLE)) {
                continue;
            }
            JsonNode doc = JSON.readTree(http.send(HttpRequest.newBuilder(service.getValue().resolve("/v3/api-docs"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                for (String method : List.of("get", "post", "put", "patch", "delete")) {
                    if (path.getValue().has(method)) {
                        operations.add(new Operation(service.getKey(), method, path.getKey(),
                                withComponents(path.getValue().get(method), doc)));
                    }
                }
            }
        }
        return operations;
    }

    private static JsonNode withComponents(JsonNode operation, JsonNode doc) {
        ObjectNode copy = ((ObjectNode) operation).deepCopy();
        copy.set("x-components", doc.path("components").path("schemas"));
        return copy;
    }

    // --- the variants of one operation ---------------------------------------------------------------

    private List<Variant> variants(Operation operation) {
        JsonNode spec = operation.spec();
        JsonNode components = spec.get("x-components");
        Map<String, JsonNode> pathParameters = new LinkedHashMap<>();
        Map<String, JsonNode> queryParameters = new LinkedHashMap<>();
        for (JsonNode parameter : spec.path("parameters")) {
            String in = parameter.path("in").asString();
            if (in.equals("path")) {
                pathParameters.put(parameter.path("name").asString(), parameter.path("schema"));
            } else if (in.equals("query")) {
                queryParameters.put(parameter.path("name").asString(), parameter.path("schema"));
            }
        }
        JsonNode bodySchema = spec.path("requestBody").path("content").path("application/json").path("schema");
        boolean hasBody = !bodySchema.isMissingNode();
        String path = fill(operation.path(), Map.of());
        String baseline = hasBody ? JSON.writeValueAsString(baseline(bodySchema, components, 0)) : null;

        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("baseline", path, null, baseline, "application/json"));
        for (String name : pathParameters.keySet()) {
            if (name.equals("basinId")) {
                for (String hostile : List.of("network", "api", "FUZZ", "a%00b", "..%2F..%2Fvalenciennois", "x".repeat(300))) {
                    variants.add(new Variant("path basinId=" + abbreviate(hostile), fill(operation.path(),
                            Map.of("basinId", hostile)), null, baseline, "application/json"));
                }
                continue;
            }
            for (String hostile : hostilePathValues()) {
                variants.add(new Variant("path " + name + "=" + abbreviate(hostile),
                        fill(operation.path(), Map.of(name, hostile)), null, baseline, "application/json"));
            }
        }
        for (String name : queryParameters.keySet()) {
            for (String hostile : hostileQueryValues()) {
                variants.add(new Variant("query " + name + "=" + abbreviate(hostile), path,
                        URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + hostile, baseline, "application/json"));
            }
        }
        if (hasBody) {
            JsonNode base = JSON.readTree(baseline);
            for (String pointer : leaves(base, "")) {
                for (JsonNode hostile : hostileJsonValues()) {
                    JsonNode mutated = base.deepCopy();
                    replace(mutated, pointer, hostile);
                    variants.add(new Variant("body " + pointer + "=" + abbreviate(hostile.toString()), path, null,
                            JSON.writeValueAsString(mutated), "application/json"));
                }
            }
            variants.addAll(hostileBodies(path, base));
        }
        return variants;
    }

    private List<Variant> hostileBodies(String path, JsonNode base) {
        List<Variant> variants = new ArrayList<>();
        String nested = "{\"a\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}";
        variants.add(new Variant("1,000 levels of nesting", path, null, nested, "application/json"));
        variants.add(new Variant("body over the cap", path, null,
                "{\"x\":\"" + "a".repeat(300 * 1024) + "\"}", "application/json"));
        variants.add(new Variant("not JSON", path, null, "{\"a\":", "application/json"));
        variants.add(new Variant("empty body", path, null, "", "application/json"));
        variants.add(new Variant("array at the root", path, null, "[]", "application/json"));
        variants.add(new Variant("null at the root", path, null, "null", "application/json"));
        variants.add(new Variant("wrong content type", path, null, "a=b", "application/x-www-form-urlencoded"));
        if (base instanceof ObjectNode object && object.size() > 0) {
            String first = object.propertyNames().iterator().next();
            String duplicated = "{\"" + first + "\":" + object.get(first) + "," + object.toString().substring(1);
            variants.add(new Variant("duplicated field " + first, path, null, duplicated, "application/json"));
            ObjectNode unknown = object.deepCopy();
            unknown.put("champInconnu\u0000", "x");
            variants.add(new Variant("unknown field with a NUL", path, null, unknown.toString(), "application/json"));
        }
        return variants;
    }

    private static List<String> hostilePathValues() {
        return List.of("%00", "a%00b", "%C0%80", "%E2%80%AE", "-1", "0", "2147483647", "x".repeat(1_000),
                "..%2F..%2Fadmin", "%7B%22%24gt%22%3A%22%22%7D");
    }

    private static List<String> hostileQueryValues() {
        return List.of("%00", "a%00b", "%C0%80", "%E2%80%AEabc", "-1", "0", "2147483647", "-2147483648",
                "9223372036854775808", "1e308", "abc", "x".repeat(10_000), "0000-01-01", "%2B10000-01-01", "INCONNU",
                "%7B%22%24gt%22%3A%22%22%7D", ".*", "%5B%5D");
    }

    private static List<JsonNode> hostileJsonValues() {
        List<JsonNode> values = new ArrayList<>();
        values.add(NODES.nullNode());
        values.add(NODES.textNode(""));
        values.add(NODES.textNode("\u0000"));
        values.add(NODES.textNode("a\u0000b"));
        values.add(NODES.textNode("\u202Eevil"));
        values.add(NODES.textNode("\u0007bell"));
        values.add(NODES.textNode("x".repeat(10_000)));
        values.add(NODES.textNode("\ud800"));
        values.add(NODES.textNode("<script>alert(1)</script>"));
        values.add(NODES.textNode("0000-01-01"));
        values.add(NODES.textNode("-0001-01-01"));
        values.add(NODES.textNode("9999-12-31"));
        values.add(NODES.textNode("+10000-01-01"));
        values.add(NODES.textNode("2026-02-30"));
        values.add(NODES.textNode("VALEUR_INCONNUE"));
        values.add(NODES.numberNode(-1));
        values.add(NODES.numberNode(0));
        values.add(NODES.numberNode(Integer.MAX_VALUE));
        values.add(NODES.numberNode(Long.MIN_VALUE));
        values.add(NODES.numberNode(new java.math.BigDecimal("1e308")));
        values.add(NODES.numberNode(new java.math.BigDecimal("-1.23e22")));
        values.add(NODES.numberNode(new java.math.BigDecimal("0.001")));
        values.add(NODES.numberNode(new java.math.BigDecimal("3.5")));
        values.add(NODES.numberNode(new java.math.BigDecimal("1.2345678901234567890123456789012345")));
        values.add(NODES.booleanNode(true));
        values.add(NODES.arrayNode());
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 1_500; i++) {
            many.add("x");
        }
        values.add(many);
        values.add(NODES.objectNode().put("$gt", ""));
        return values;
    }

    /** JSON pointers of the body's leaves, arrays and objects (their first element too). */
    private static List<String> leaves(JsonNode node, String pointer) {
        List<String> pointers = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                String child = pointer + "/" + name;
                pointers.add(child);
                JsonNode value = object.get(name);
                if (value.isContainer() && pointer.split("/").length < 3) {
                    pointers.addAll(leaves(value, child));
                }
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            pointers.addAll(leaves(array.get(0), pointer + "/0"));
            if (!array.get(0).isContainer()) {
                pointers.add(pointer + "/0");
            }
        }
        return pointers;
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        String[] segments = pointer.substring(1).split("/");
        JsonNode parent = root;
        for (int i = 0; i < segments.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(segments[i])) : parent.get(segments[i]);
        }
        String last = segments[segments.length - 1];
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    /** A plausible body from the schema: examples where given, else values of the right type. */
    private JsonNode baseline(JsonNode schema, JsonNode components, int depth) {
        JsonNode resolved = resolve(schema, components);
        String type = type(resolved);
        if (depth > 5) {
            return NODES.nullNode();
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        if (resolved.has("example") && !type.equals("object") && !type.equals("array")) {
            return resolved.get("example");
        }
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                    object.set(property.getKey(), baselineOf(property.getKey(), property.getValue(), components, depth));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (resolved.has("items")) {
                    array.add(baseline(resolved.get("items"), components, depth + 1));
                }
                return array;
            }
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(new java.math.BigDecimal("100.00"));
            case "boolean":
                return NODES.booleanNode(false);
            default:
                String format = resolved.path("format").asString("");
                if (format.equals("date")) {
                    return NODES.textNode("2025-06-02");
                }
                if (format.equals("date-time")) {
                    return NODES.textNode("2025-06-02T10:00:00Z");
                }
                return NODES.textNode("fuzz-" + unique.incrementAndGet());
        }
    }

    private JsonNode baselineOf(String name, JsonNode schema, JsonNode components, int depth) {
        JsonNode value = baseline(schema, components, depth + 1);
        String lower = name.toLowerCase();
        if (lower.contains("email")) {
            return NODES.textNode("fuzz" + unique.incrementAndGet() + "@fuzz.example");
        }
        if (lower.equals("login") || lower.equals("basinid")) {
            return NODES.textNode("fuzz-" + unique.incrementAndGet());
        }
        return value;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode components) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            current = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(current.get("allOf").get(0), components);
        }
        return current;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isMissingNode() && schema.has("properties")) {
            return "object";
        }
        return type.asString("string");
    }

    private static String fill(String template, Map<String, String> overrides) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = overrides.getOrDefault(name, name.equals("basinId") ? FUZZ : "fuzz-inconnu");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    // --- what the databases hold ---------------------------------------------------------------------

    /**
     * The operation's own service's database for the fuzz basin, without what that service's consumers write
     * on their own time (replicas of other services' events, their deduplication marks).
     */
    private Map<String, String> snapshotOf(String database) throws Exception {
        Map<String, String> digests = snapshot(List.of(FUZZ));
        digests.keySet().removeIf(key -> !key.startsWith(database + ".") || CONSUMER_WRITES.matcher(key).find());
        return digests;
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        java.util.Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().filter(key -> !java.util.Objects.equals(before.get(key), after.get(key))).toList();
    }

    /** A digest of every collection of every service's database for these basins. */
    private Map<String, String> snapshot(List<String> basins) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (MongoClient client = MongoClients.create(platform.mongoConnectionString())) {
            for (String database : client.listDatabaseNames()) {
                if (basins.stream().noneMatch(b -> database.endsWith("_" + b))) {
                    continue;
                }
                MongoDatabase db = client.getDatabase(database);
                for (String collection : db.listCollectionNames()) {
                    if (database.startsWith("notification_") && collection.equals("mails")) {
                        // a mail is written from an event, whose producer's data is compared here, or when a reminder
                        // comes due (the demo's reports and instalments, at the dispatcher's tick, whatever the fuzz does)
                        continue;
                    }
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    long count = 0;
                    for (Iterator<Document> it = db.getCollection(collection).find().sort(new Document("_id", 1)).iterator();
                            it.hasNext(); count++) {
                        Document document = it.next();
                        RELAY_FIELDS.forEach(document::remove);
                        digest.update(document.toJson().getBytes(StandardCharsets.UTF_8));
                    }
                    if (count > 0) {
                        // an empty collection is an index a service ensured on its first touch of the basin, not data
                        digests.put(database + "." + collection, count + ":" + HexFormat.of().formatHex(digest.digest()));
                    }
                }
            }
        }
        return digests;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
