package org.alize.bench.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Reads through the gateway and straight from the service, interleaved in each virtual user (same moment,
 * same load), at a fixed arrival rate: the difference is the gateway's cost. Open model.
 */
public class ReadsSimulation extends Simulation {

    private final Target target = Target.fromSystemProperties();

    private final ScenarioBuilder reads = scenario("reads").exec(
            Recorded.request("projects via gateway", http("projects via gateway").get(target.gateway() + target.basinPath("/projects")), 200),
            Recorded.request("projects direct", http("projects direct").get(target.projects() + target.basinPath("/projects")), 200),
            Recorded.request("indicators via gateway", http("indicators via gateway")
                    .get(target.gateway() + target.basinPath("/indicators/series")), 200),
            Recorded.request("indicators direct", http("indicators direct")
                    .get(target.reporting() + target.basinPath("/indicators/series")), 200));

    @Override
    public void after() {
        Recorded.write();
    }

    {
        setUp(reads.injectOpen(constantUsersPerSec(target.rate()).during(Duration.ofSeconds(target.seconds()))))
                .protocols(target.protocol());
    }
}
