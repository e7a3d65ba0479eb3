package org.alize.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.forever;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Money commands through the gateway: a 1 € contribution, each with its own Idempotency-Key, sent one after the
 * other by each of {@code alize.load.connections} clients. Closed model: the throughput and the latency at that
 * concurrency.
 */
public class CommandsSimulation extends Simulation {

    private final Target target = Target.fromSystemProperties();

    private final ScenarioBuilder commands = scenario("commands").exec(forever().on(Recorded.request("contribution",
            http("contribution").post(target.gateway() + target.basinPath("/contributions"))
                    .header("Idempotency-Key", "#{randomUuid()}").header("Content-Type", "application/json")
                    .body(StringBody("{\"partnerId\":\"" + target.partner()
                            + "\",\"account\":\"ADVANCE_FUND\",\"amount\":1,\"description\":\"Charge\"}")), 201)));

    @Override
    public void after() {
        Recorded.write();
    }

    {
        setUp(commands.injectClosed(constantConcurrentUsers(target.connections()).during(Duration.ofSeconds(target.seconds()))))
                .protocols(target.protocol()).maxDuration(Duration.ofSeconds(target.seconds()));
    }
}
