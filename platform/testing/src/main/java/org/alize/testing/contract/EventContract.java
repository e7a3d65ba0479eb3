package org.alize.testing.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Schema and golden-file checks for event types; see the package documentation. */
public final class EventContract {

    /** Reads as consumers do: unknown fields are ignored, so producers may add fields freely. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventContract() {
    }

    public static String schemaPath(String ceType) {
        return "schemas/" + ceType + ".schema.json";
    }

    public static String goldenPath(String ceType) {
        return "golden/" + ceType + ".json";
    }

    /** Producer side: fails, naming every violation, unless {@code json} matches the schema of {@code ceType}. */
    public static void assertConforms(String ceType, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new AssertionError(ceType + ": not JSON: " + e.getOriginalMessage());
        }
        List<Error> errors = schema(ceType).validate(node);
        if (!errors.isEmpty()) {
            throw new AssertionError(ceType + " does not match its schema:\n  "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("\n  ")) + "\nin " + json);
        }
    }

    /** Producer side, for an event object: serialised as the messaging layer does, then checked. */
    public static void assertConforms(String ceType, Object event) {
        assertConforms(ceType, MAPPER.writeValueAsString(event));
    }

    /** Consumer side: the golden JSON of {@code ceType}, deserialised into the consumer's own class. */
    public static <T> T readGolden(String ceType, Class<T> type) {
        return MAPPER.readValue(golden(ceType), type);
    }

    /**
     * The checks each event type of a catalogue passes (catalogue: {@code ce_type} to record class):
     * its schema exists and is a valid schema, its golden file matches the schema, deserialises into
     * the record, and the record serialises back to a document that matches the schema and equals the
     * golden file (nothing lost, nothing renamed).
     */
    public static Stream<DynamicNode> catalogTests(Map<String, Class<?>> catalogue) {
        if (catalogue.isEmpty()) {
            throw new AssertionError("the catalogue names no event type");
        }
        return catalogue.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> DynamicContainer.dynamicContainer(entry.getKey(), Stream.of(
                        DynamicTest.dynamicTest("golden file matches the schema",
                                () -> assertConforms(entry.getKey(), golden(entry.getKey()))),
                        DynamicTest.dynamicTest("golden file round-trips through " + entry.getValue().getSimpleName(),
                                () -> assertRoundTrip(entry.getKey(), entry.getValue())))));
    }

    static void assertRoundTrip(String ceType, Class<?> type) {
        JsonNode golden = MAPPER.readTree(golden(ceType));
        Object event = MAPPER.treeToValue(golden, type);
        String written = MAPPER.writeValueAsString(event);
        assertConforms(ceType, written);
        JsonNode rewritten = MAPPER.readTree(written);
        if (!rewritten.equals(golden)) {
            throw new AssertionError(ceType + ": " + type.getSimpleName() + " does not write back its golden file\n"
                    + "  golden:  " + golden + "\n  written: " + rewritten);
        }
    }

    private static Schema schema(String ceType) {
        return SCHEMAS.getSchema(MAPPER.readTree(resource(schemaPath(ceType))
                .orElseThrow(() -> new AssertionError("no schema for " + ceType + " at " + schemaPath(ceType)))));
    }

    private static String golden(String ceType) {
        return resource(goldenPath(ceType))
                .orElseThrow(() -> new AssertionError("no golden file for " + ceType + " at " + goldenPath(ceType)));
    }

    private static Optional<String> resource(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
