package org.alize.basin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.alize.testing.ApiClient;
import org.alize.testing.BasinEndpoints;
import org.alize.testing.TestIssuer;
import org.alize.testing.WithAlizeInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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

        int checked = BasinEndpoints.assertNoneReachable(mappings, ids, outsiders, "Secret", "Entreprise");

        assertThat(checked).as("endpoints checked").isGreaterThan(30);
        assertThat(a.operator.get(a.path("/people/" + personId)).status()).as("the basin's own operator still reads it")
                .isEqualTo(200);
    }
}
