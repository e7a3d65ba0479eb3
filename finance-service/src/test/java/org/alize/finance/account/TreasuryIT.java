package org.alize.finance.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.testing.SettableClock;
import org.alize.testing.TestInfrastructure;
import org.alize.testing.WithAlizeInfra;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two instances of finance-service on one basin's database: R-04 holds across them. Outflows are transfers out of
 * the operating account, inflows cash contributions to it, written as the services write them.
 */
@WithAlizeInfra
class TreasuryIT {

    private static final BasinId BASIN = BasinId.of("tresorerie");

    private final MongoClient client = MongoClients.create(TestInfrastructure.shared().mongoConnectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "finance_treasury_" + System.nanoTime());
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final Treasury first = new Treasury(mongo, clock, "instance-1", Duration.ofSeconds(5));
    private final Treasury second = new Treasury(mongo, clock, "instance-2", Duration.ofSeconds(5));

    @AfterEach
    void close() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    @DisplayName("R-04: forty transfers of 100 € raced by two instances out of 1,000 €: ten pass, the account never below zero")
    void two_instances_never_spend_the_same_euros() throws Exception {
        contribution("1000");
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Callable<Void>> outflows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Treasury instance = i % 2 == 0 ? first : second;
            outflows.add(inBasin(() -> {
                try {
                    instance.payOut(Contribution.Target.OPERATING_ACCOUNT, new BigDecimal("100"), "un virement",
                            () -> transfer("100"));
                    passed.incrementAndGet();
                } catch (RuleViolation e) {
                    assertThat(e.rule()).isEqualTo("R-04");
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        runTogether(outflows);

        assertThat(passed).hasValue(10);
        assertThat(refused).hasValue(30);
        assertThat(balance()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("R-04: contributions arriving while two instances pay out are counted once: never a euro spent that is not there")
    void inflows_racing_outflows_are_never_counted_twice() throws Exception {
        contribution("300");
        AtomicInteger passed = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Treasury instance = i % 2 == 0 ? first : second;
            if (i % 3 == 0) {
                work.add(inBasin(() -> {
                    instance.receive(Contribution.Target.OPERATING_ACCOUNT, new BigDecimal("50"), () -> contribution("50"));
                    return null;
                }));
            } else {
                work.add(inBasin(() -> {
                    try {
                        instance.payOut(Contribution.Target.OPERATING_ACCOUNT, new BigDecimal("40"), "une dépense",
                                () -> transfer("40"));
                        passed.incrementAndGet();
                    } catch (RuleViolation refused) {
                        // the account could not afford it then
                    }
                    return null;
                }));
            }
        }
        runTogether(work);

        // 300 € + 20 contributions of 50 € = 1,300 €: at most 32 outflows of 40 € fit
        assertThat(balance()).as("what the records say is left").isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(balance()).isEqualByComparingTo(new BigDecimal("1300").subtract(new BigDecimal("40").multiply(
                BigDecimal.valueOf(passed.get()))));
        // and what the treasury keeps is never above it: an outflow of everything left passes, one euro more does not
        BigDecimal left = balance();
        BasinContext.runIn(BASIN, () -> {
            assertThatThrownBy(() -> first.payOut(Contribution.Target.OPERATING_ACCOUNT, left.add(BigDecimal.ONE), "une dépense",
                    () -> transfer("1"))).isInstanceOf(RuleViolation.class);
            if (left.signum() > 0) {
                second.payOut(Contribution.Target.OPERATING_ACCOUNT, left, "une dépense", () -> transfer(left.toPlainString()));
            }
        });
        assertThat(balance()).isEqualByComparingTo("0");
    }

    @Test
    void an_instance_that_died_holding_the_treasury_holds_it_no_longer_than_its_lease() {
        contribution("500");
        Treasury impatient = new Treasury(mongo, clock, "instance-3", Duration.ofMillis(200));
        BasinContext.runIn(BASIN, () -> {
            first.acquire(); // and never releases it: the instance was killed
            assertThatThrownBy(() -> impatient.payOut(Contribution.Target.OPERATING_ACCOUNT, new BigDecimal("100"), "un virement",
                    () -> transfer("100"))).isInstanceOf(Treasury.Busy.class);
            assertThat(balance()).as("nothing written").isEqualByComparingTo("500");

            clock.advance(Treasury.LEASE);
            impatient.payOut(Contribution.Target.OPERATING_ACCOUNT, new BigDecimal("100"), "un virement", () -> transfer("100"));
        });
        assertThat(balance()).isEqualByComparingTo("400");
    }

    private Callable<Void> inBasin(Callable<Void> work) {
        return () -> {
            try (BasinContext.Scope ignored = BasinContext.open(BASIN)) {
                return work.call();
            }
        };
    }

    private static void runTogether(List<Callable<Void>> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<Void>> done = threads.invokeAll(work);
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private Document contribution(String euros) {
        return mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("kind", "CASH")
                .append("account", "OPERATING_ACCOUNT").append("amount", new Decimal128(new BigDecimal(euros))), "contributions");
    }

    private Document transfer(String euros) {
        return mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("from", "OPERATING_ACCOUNT")
                .append("to", "ADVANCE_FUND").append("amount", new Decimal128(new BigDecimal(euros))), "transfers");
    }

    private BigDecimal balance() {
        return BasinContext.callIn(BASIN, () -> first.balance(Contribution.Target.OPERATING_ACCOUNT));
    }
}
