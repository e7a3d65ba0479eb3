package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.alize.kernel.BasinCalendar;
import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.Test;

/** The platform through its one public entry: every service reached by its paths, with the same isolation. */
class GatewayScenarioIT {

    private final LocalStack platform = Platform.get();
    private final URI gateway = platform.serviceUrls().get("gateway");
    private final PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
            .basin("valenciennois", "OPERATOR").sign());
    private final PlatformClient dunkerque = PlatformClient.as(platform.issuer().token("operateur.dunkerque")
            .basin("flandre-dunkerque", "OPERATOR").sign());
    private final PlatformClient astrees = PlatformClient.as(platform.issuer().token("astrees").networkRoles("NETWORK_ADMIN")
            .sign());

    @Test
    void every_service_answers_through_the_gateway_and_isolation_holds_there_too() throws Exception {
        String basin = "/api/basins/valenciennois";
        String[] paths = {basin + "/profile", basin + "/projects", basin + "/advances",
                basin + "/indicators?year=" + LocalDate.now(BasinCalendar.ZONE).getYear()};
        for (String path : paths) {
            HttpResponse<String> own = operator.get(gateway.resolve(path));
            assertThat(own.statusCode()).as(path + " " + own.body()).isEqualTo(200);
            assertThat(own.headers().firstValue("X-Correlation-Id")).isPresent();
            HttpResponse<String> foreign = dunkerque.get(gateway.resolve(path));
            assertThat(foreign.statusCode()).as(path).isEqualTo(404);
            assertThat(foreign.body()).doesNotContain("Valenciennois");
            assertThat(PlatformClient.anonymous().get(gateway.resolve(path)).statusCode()).isEqualTo(401);
        }
        assertThat(astrees.get(gateway.resolve("/api/network/basins")).body()).contains("valenciennois");
        assertThat(astrees.get(gateway.resolve("/api/network/indicators")).statusCode()).isEqualTo(200);
        assertThat(operator.get(gateway.resolve("/api/network/basins")).statusCode()).isEqualTo(403);
        assertThat(operator.get(gateway.resolve("/actuator/env")).statusCode()).isIn(403, 404);
        assertThat(operator.get(gateway.resolve("/actuator/gateway/routes")).statusCode()).isIn(403, 404);
    }
}
