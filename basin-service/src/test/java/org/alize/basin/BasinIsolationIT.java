package org.alize.basin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.WithAlizeInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint under {@code /api/basins/{basinId}/…}, found from the service's own request mappings
 * (so a new endpoint is covered without editing this test), called with basin A's ids by basin B's
 * operator and by ASTREES: each answers 404 and no byte of basin A's data.
 */
@WithAlizeInfra
@SpringBootTest(classes = BasinServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BasinIsolationIT {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void no_token_of_another_basin_nor_a_network_role_reaches_any_basin_endpoint() {
        BasinApiFixture a = new BasinApiFixture(port, "iso-a").registeredAndValidated().withPartners(4).withOperator();
        String conventionId = a.draftConvention();
        String personId = a.operator.post(a.path("/people"), "{\"firstName\":\"Secret\",\"lastName\":\"DeA\","
                + "\"affiliation\":\"ORGANISATION\",\"organisationId\":\"" + a.companies.get(0) + "\"}").json()
                .get("personId").asString();
        Map<String, String> ids = Map.of("basinId", "iso-a", "organisationId", a.companies.get(0), "personId", personId,
                "conventionId", conventionId, "schemeId", "sch-x", "membershipId", "mbr-x");
        TestIssuer issuer = TestIssuer.shared();
        List<ApiClient> outsiders = List.of(
                ApiClient.on(port).as(issuer.token("op-b").basin("iso-b", "OPERATOR", "COMMITTEE_MEMBER").sign()),
                ApiClient.on(port).as(issuer.token("astrees").networkRoles("NETWORK_ADMIN", "NATIONAL_COMMITTEE").sign()));

        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/basins/{basinId}")) {
                    continue;
                }
                String path = fill(pattern, ids);
                Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    for (ApiClient outsider : outsiders) {
                        ApiClient.Response response = switch (method) {
                            case POST -> outsider.post(path, "{}");
                            case PUT -> outsider.put(path, "{}");
                            case DELETE -> outsider.delete(path);
                            default -> outsider.get(path);
                        };
                        assertThat(response.status()).as(method + " " + path).isEqualTo(404);
                        assertThat(response.body()).as(method + " " + path).doesNotContain("Secret").doesNotContain("Entreprise");
                    }
                    checked.add(method + " " + pattern);
                }
            }
        }
        assertThat(new TreeSet<>(checked)).as("endpoints checked").hasSizeGreaterThan(30);
        System.out.printf("basin isolation: %d endpoints × %d outsiders refused%n", checked.size(), outsiders.size());
        assertThat(a.operator.get(a.path("/people/" + personId)).status()).as("the basin's own operator still reads it")
                .isEqualTo(200);
    }

    private static String fill(String pattern, Map<String, String> ids) {
        String path = pattern;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path.replaceAll("\\{[^}]+}", "x");
    }
}
