package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alize.kernel.BasinCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a basin's people see, to compare two platforms: its projects, people, account balances, contributions,
 * committee and the last three years' indicators (the basin's own figures, as JSON: the order of an object's fields is
 * not a difference; when and after how many deliveries they were computed is left aside).
 */
final class BasinFigures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BasinFigures() {
    }

    static List<JsonNode> of(URI gateway, PlatformClient operator, String basin) throws Exception {
        int year = LocalDate.now(BasinCalendar.ZONE).getYear();
        List<JsonNode> seen = new ArrayList<>();
        for (String path : List.of("/projects?size=100", "/people?size=100", "/accounts", "/contributions?size=100",
                "/committee")) {
            HttpResponse<String> response = operator.get(gateway.resolve("/api/basins/" + basin + path));
            seen.add(JSON.createObjectNode().put("path", path).put("status", response.statusCode())
                    .set("body", JSON.readTree(response.body())));
        }
        for (int y = year - 2; y <= year; y++) {
            HttpResponse<String> response = operator.get(gateway.resolve("/api/basins/" + basin + "/indicators?year=" + y));
            JsonNode detail = response.statusCode() == 200 ? JSON.readTree(response.body()).get("detail") : null;
            if (detail instanceof ObjectNode object) {
                object.remove(List.of("currentAsOf", "eventsApplied"));
            }
            seen.add(JSON.createObjectNode().put("path", "indicators " + y).put("status", response.statusCode())
                    .set("body", detail));
        }
        return seen;
    }

    /** Asserts the figures are equal one by one, saying where the first difference is. */
    static void assertSame(List<JsonNode> found, List<JsonNode> expected) {
        assertThat(found).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(found.get(i)).as(difference(expected.get(i).toString(), found.get(i).toString()))
                    .isEqualTo(expected.get(i));
        }
    }

    private static String difference(String expected, String actual) {
        int at = 0;
        while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 150);
        return "differs at " + at + ": expected …" + expected.substring(from, Math.min(expected.length(), at + 150))
                + "… but found …" + actual.substring(from, Math.min(actual.length(), at + 150)) + "…";
    }
}
