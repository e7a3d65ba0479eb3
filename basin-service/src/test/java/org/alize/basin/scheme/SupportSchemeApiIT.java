package org.alize.basin.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import org.alize.basin.BasinServiceApplication;
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.WithAlizeInfra;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@WithAlizeInfra
@SpringBootTest(classes = BasinServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupportSchemeApiIT {

    @LocalServerPort
    int port;

    @Test
    void the_operator_keeps_the_register_and_another_basin_sees_none_of_it_R08() {
        TestIssuer issuer = TestIssuer.shared();
        ApiClient operator = ApiClient.on(port).as(issuer.token("op").basin("sch-a", "OPERATOR").sign());
        ApiClient foreign = ApiClient.on(port).as(issuer.token("op").basin("sch-b", "OPERATOR").sign());

        ApiClient.Response created = operator.post("/api/basins/sch-a/support-schemes",
                "{\"name\":\"Réseau Entreprendre Nord\",\"kind\":\"RESEAU_ENTREPRENDRE\"}");
        String id = created.json().get("schemeId").asString();
        operator.post("/api/basins/sch-a/support-schemes/" + id + "/retire", "{\"reason\":\"plus actif ici\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(operator.get("/api/basins/sch-a/support-schemes").body()).isEqualTo("[]");
        assertThat(operator.get("/api/basins/sch-a/support-schemes?includeRetired=true").body()).contains("Réseau Entreprendre");
        assertThat(foreign.get("/api/basins/sch-a/support-schemes/" + id).status()).isEqualTo(404);
        assertThat(foreign.get("/api/basins/sch-b/support-schemes/" + id).status()).isEqualTo(404);
    }
}
