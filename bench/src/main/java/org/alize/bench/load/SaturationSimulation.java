package org.alize.bench.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.forever;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * As many reads as {@code alize.load.connections} clients can make one after the other, on one route, through
 * the gateway or straight to its service ({@code alize.load.via}): the throughput each way. Closed model.
 */
public class SaturationSimulation extends Simulation {

    private final Target target = Target.fromSystemProperties();

    private final ScenarioBuilder reads = scenario("saturation").exec(forever().on(Recorded.request(
            target.route() + " " + target.via(), http(target.route() + " " + target.via()).get(target.routeUrl()), 200)));

    @Override
    public void after() {
        Recorded.write();
    }

    {
        setUp(reads.injectClosed(constantConcurrentUsers(target.connections()).during(Duration.ofSeconds(target.seconds()))))
                .protocols(target.protocol()).maxDuration(Duration.ofSeconds(target.seconds()));
    }
}
