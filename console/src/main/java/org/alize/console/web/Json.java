package org.alize.console.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** API answers as plain maps and lists, which the templates read as {@code ${project.company.name}}. */
@Component
public class Json {

    private final JsonMapper json;

    public Json(JsonMapper json) {
        this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? Map.of() : json.treeToValue(node, Map.class);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : json.treeToValue(node, List.class);
    }
}
