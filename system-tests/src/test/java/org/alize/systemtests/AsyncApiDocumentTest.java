package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.alize.basin.events.BasinEvents;
import org.alize.finance.events.FinanceEvents;
import org.alize.project.events.ProjectEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code contracts/asyncapi.yaml}, the AsyncAPI 3.0 document of the three topics for integrators, is written from the
 * event catalogues and their JSON schemas, never by hand: this test writes it afresh and fails if the committed one
 * differs (the fresh one is left in {@code target/asyncapi.yaml}, to copy over after reviewing the change).
 */
class AsyncApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Topic(String channel, String address, String module, String producer, Map<String, Class<?>> types) {
    }

    @Test
    void the_asyncapi_document_names_every_event_type_of_the_three_topics_with_its_schema() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String written = document();
        Files.writeString(Path.of("target", "asyncapi.yaml"), written);
        Path committed = root.resolve("contracts").resolve("asyncapi.yaml");

        assertThat(Files.exists(committed)).as("contracts/asyncapi.yaml (copy target/asyncapi.yaml)").isTrue();
        assertThat(Files.readString(committed)).as("contracts/asyncapi.yaml is out of date: copy target/asyncapi.yaml over it")
                .isEqualTo(written);
        // it reads as YAML, every type is a message of its channel and of the operation that sends it, and every
        // reference resolves: inside the document, or to a schema file beside it
        Map<String, Object> parsed = new org.yaml.snakeyaml.Yaml().load(written);
        assertThat(parsed.get("asyncapi")).isEqualTo("3.0.0");
        @SuppressWarnings("unchecked")
        Map<String, Object> messages = (Map<String, Object>) ((Map<?, ?>) parsed.get("components")).get("messages");
        int types = 0;
        for (Topic topic : topics()) {
            types += topic.types().size();
            Map<?, ?> channel = (Map<?, ?>) ((Map<?, ?>) parsed.get("channels")).get(topic.channel());
            assertThat(channel.get("address")).isEqualTo(topic.address());
            assertThat((Map<?, ?>) channel.get("messages")).hasSize(topic.types().size());
            for (String type : topic.types().keySet()) {
                assertThat(messages).containsKey(type);
                assertThat(root.resolve(schemaPath(topic, type))).as(type).exists();
            }
        }
        assertThat(messages).hasSize(types);
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\$ref: '([^']+)'").matcher(written);
        while (refs.find()) {
            String ref = refs.group(1);
            if (ref.startsWith("#/")) {
                Object node = parsed;
                for (String step : ref.substring(2).split("/")) {
                    node = ((Map<?, ?>) node).get(step);
                    assertThat(node).as(ref).isNotNull();
                }
            } else {
                assertThat(committed.getParent().resolve(ref).normalize()).as(ref).exists();
            }
        }
    }

    private static Topic[] topics() {
        return new Topic[] {
            new Topic("basin", BasinEvents.TOPIC, "basin-events", "basin-service", BasinEvents.TYPES),
            new Topic("project", ProjectEvents.TOPIC, "project-events", "project-service", ProjectEvents.TYPES),
            new Topic("finance", FinanceEvents.TOPIC, "finance-events", "finance-service", FinanceEvents.TYPES)};
    }

    private static String schemaPath(Topic topic, String type) {
        return "contracts/" + topic.module() + "/src/main/resources/schemas/" + type + ".schema.json";
    }

    static String document() throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("""
                # Written by system-tests AsyncApiDocumentTest from the event catalogues and their JSON schemas: do not edit.
                asyncapi: 3.0.0
                info:
                  title: ALIZÉ — événements de la plateforme
                  version: 1.0.0
                  description: >-
                    The three topics of the ALIZÉ network platform, for systems that consume them. Each record is a
                    CloudEvent 1.0 in Kafka binary mode: its attributes in ce_* headers, its JSON payload as the value,
                    the basin id as the key (a basin's events stay in order on one partition). Retention is unlimited:
                    the topics are the history. A consumer deduplicates by ce_id (an event may be delivered twice) and
                    ignores types it does not know (producers add types; a change that breaks a payload gets a new
                    version in its type, .v2). Each topic has a dead-letter topic, <topic>-dlt.
                defaultContentType: application/json
                channels:
                """);
        for (Topic topic : topics()) {
            y.append("  ").append(topic.channel()).append(":\n");
            y.append("    address: ").append(topic.address()).append('\n');
            y.append("    description: Published by ").append(topic.producer()).append(", keyed by basin id.\n");
            y.append("    messages:\n");
            for (String type : sorted(topic.types())) {
                y.append("      ").append(shortName(type)).append(":\n");
                y.append("        $ref: '#/components/messages/").append(type).append("'\n");
            }
        }
        y.append("operations:\n");
        for (Topic topic : topics()) {
            y.append("  ").append(topic.channel()).append("Events:\n");
            y.append("    action: send\n");
            y.append("    summary: What ").append(topic.producer()).append(" publishes\n");
            y.append("    channel:\n      $ref: '#/channels/").append(topic.channel()).append("'\n");
            y.append("    messages:\n");
            for (String type : sorted(topic.types())) {
                y.append("      - $ref: '#/channels/").append(topic.channel()).append("/messages/").append(shortName(type))
                        .append("'\n");
            }
        }
        y.append("""
                components:
                  schemas:
                    CloudEventHeaders:
                      type: object
                      required: [ce_specversion, ce_id, ce_type, ce_source, ce_time, ce_basinid, ce_sequence]
                      properties:
                        ce_specversion: {type: string, const: '1.0'}
                        ce_id: {type: string, description: 'The event id: the key of idempotent consumption.'}
                        ce_type: {type: string, description: 'The type, alize.<context>.<Event>.v<n>.'}
                        ce_source: {type: string, description: '/basins/<basin>/<collection>/<aggregate id>'}
                        ce_subject: {type: string, description: 'The aggregate id.'}
                        ce_time: {type: string, format: date-time, description: 'When the event was recorded.'}
                        ce_basinid: {type: string, description: 'The basin the event belongs to (also the record key).'}
                        ce_sequence: {type: string, description: 'Position in its aggregate''s history, zero-padded.'}
                        traceparent: {type: string, description: 'W3C trace context of the request that caused it.'}
                  messages:
                """);
        for (Topic topic : topics()) {
            for (String type : sorted(topic.types())) {
                JsonNode schema = schema(topic, type);
                y.append("    ").append(type).append(":\n");
                y.append("      name: ").append(type).append('\n');
                y.append("      title: ").append(schema.path("title").asString(shortName(type))).append('\n');
                String description = schema.path("description").asString("");
                if (!description.isBlank()) {
                    y.append("      summary: '").append(description.replace("'", "''")).append("'\n");
                }
                y.append("      contentType: application/json\n");
                y.append("      headers:\n        $ref: '#/components/schemas/CloudEventHeaders'\n");
                y.append("      payload:\n        $ref: './").append(schemaPath(topic, type).substring("contracts/".length()))
                        .append("'\n");
                y.append("      bindings:\n        kafka:\n          key:\n            type: string\n");
                y.append("            description: The basin id\n");
            }
        }
        return y.toString();
    }

    private static JsonNode schema(Topic topic, String type) throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/schemas/" + type + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("no schema for " + type + " in " + topic.module());
            }
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Iterable<String> sorted(Map<String, Class<?>> types) {
        return new TreeMap<>(types).keySet();
    }

    /** {@code alize.basin.BasinRegistered.v1} → {@code BasinRegisteredV1}. */
    private static String shortName(String type) {
        String[] parts = type.split("\\.");
        return parts[parts.length - 2] + parts[parts.length - 1].toUpperCase(java.util.Locale.ROOT);
    }
}
