package org.alize.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of a service under {@code /api/basins/{basinId}/…}, found from its own request mappings,
 * so an isolation test covers an endpoint added later without being edited.
 */
public final class BasinEndpoints {

    /** One method and path pattern. */
    public record Endpoint(RequestMethod method, String pattern) {
        public String path(Map<String, String> ids) {
            String path = pattern;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", id.getValue());
            }
            return path.replaceAll("\\{[^}]+}", "x");
        }
    }

    private BasinEndpoints() {
    }

    public static List<Endpoint> of(RequestMappingHandlerMapping mappings) {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/basins/{basinId}")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (seen.add(method + " " + pattern)) {
                        endpoints.add(new Endpoint(method, pattern));
                    }
                }
            }
        }
        return endpoints;
    }

    /**
     * Calls every endpoint with the ids of a basin as each outsider and asserts a 404 that shows none of
     * {@code secrets}; returns how many endpoints were checked.
     */
    public static int assertNoneReachable(RequestMappingHandlerMapping mappings, Map<String, String> ids,
            List<ApiClient> outsiders, String... secrets) {
        List<Endpoint> endpoints = of(mappings);
        for (Endpoint endpoint : endpoints) {
            String path = endpoint.path(ids);
            for (ApiClient outsider : outsiders) {
                ApiClient.Response response = switch (endpoint.method()) {
                    case POST -> outsider.post(path, "{}");
                    case PUT -> outsider.put(path, "{}");
                    case DELETE -> outsider.delete(path);
                    default -> outsider.get(path);
                };
                assertThat(response.status()).as(endpoint.method() + " " + path).isEqualTo(404);
                for (String secret : secrets) {
                    assertThat(response.body()).as(endpoint.method() + " " + path).doesNotContain(secret);
                }
            }
        }
        System.out.printf("basin isolation: %d endpoints × %d outsiders refused%n", endpoints.size(), outsiders.size());
        return endpoints.size();
    }
}
