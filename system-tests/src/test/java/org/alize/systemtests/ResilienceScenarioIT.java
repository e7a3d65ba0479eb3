package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * One service stopped: its routes answer a 503 problem within a bounded time while the other routes keep
 * working; started again, its traffic resumes through the same gateway, which was never restarted.
 */
class ResilienceScenarioIT {

    private final LocalStack platform = Platform.get();
    private final URI gateway = platform.serviceUrls().get("gateway");
    private final PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
            .basin("valenciennois", "OPERATOR").sign());

    @Test
    void a_stopped_service_answers_503_fast_the_others_go_on_and_it_comes_back() throws Exception {
        URI indicators = gateway.resolve("/api/basins/valenciennois/indicators/series");
        URI projects = gateway.resolve("/api/basins/valenciennois/projects");
        assertThat(operator.get(indicators).statusCode()).isEqualTo(200);

        platform.stopService("reporting");
        try {
            long slowest = 0;
            for (int i = 0; i < 15; i++) {
                long start = System.nanoTime();
                HttpResponse<String> down = operator.get(indicators);
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(down.body()).contains("indicateurs");
                assertThat(operator.get(projects).statusCode()).isEqualTo(200);
            }
            System.out.printf("resilience: reporting stopped, slowest 503 in %d ms, projects kept answering%n", slowest);
            assertThat(slowest).isLessThan(3000);
        } finally {
            platform.startService("reporting");
        }
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> operator.get(indicators).statusCode() == 200);
        System.out.printf("resilience: traffic to reporting resumed %d ms after it was healthy again%n",
                (System.nanoTime() - back) / 1_000_000);
    }

    @Test
    void a_hung_service_costs_its_time_limit_until_its_circuit_opens_then_503s_come_at_once() throws Exception {
        URI advances = gateway.resolve("/api/basins/valenciennois/advances");
        URI projects = gateway.resolve("/api/basins/valenciennois/projects");
        assertThat(operator.get(advances).statusCode()).isEqualTo(200);

        platform.hangService("finance", true);
        java.util.List<Long> millis = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                long start = System.nanoTime();
                HttpResponse<String> hung = operator.get(advances);
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(hung.statusCode()).isEqualTo(503);
                assertThat(hung.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            }
            long other = System.nanoTime();
            assertThat(operator.get(projects).statusCode()).isEqualTo(200);
            System.out.printf("resilience: finance hung, 503 after %s ms (time limit, then open circuit); projects "
                    + "answered in %d ms meanwhile%n", millis, (System.nanoTime() - other) / 1_000_000);
        } finally {
            platform.hangService("finance", false);
        }
        assertThat(millis.subList(0, 5)).allSatisfy(ms -> assertThat(ms).isLessThan(4_500));
        assertThat(millis.subList(6, 12)).allSatisfy(ms -> assertThat(ms).isLessThan(300));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> operator.get(advances).statusCode() == 200);
    }
}
