package org.alize.tenancy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.alize.testing.SettableClock;
import org.alize.testing.TestInfrastructure;
import org.alize.testing.WithAlizeInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Two instances of a service share one lease per scheduled job: the job runs once, and again once the lease is over. */
@WithAlizeInfra
class ClusterLocksIT {

    private final MongoClient client = MongoClients.create(TestInfrastructure.shared().mongoConnectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "tenancy_locks_" + System.nanoTime());
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T03:15:00Z"));
    private final ClusterLocks first = new ClusterLocks(() -> mongo, clock, "instance-1");
    private final ClusterLocks second = new ClusterLocks(() -> mongo, clock, "instance-2");

    @AfterEach
    void close() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void a_job_runs_on_one_instance_then_waits_out_its_lease() {
        AtomicInteger runs = new AtomicInteger();

        assertThat(first.runOnce("rotation", Duration.ofMinutes(10), Duration.ofMinutes(5), runs::incrementAndGet)).isTrue();
        assertThat(second.runOnce("rotation", Duration.ofMinutes(10), Duration.ofMinutes(5), runs::incrementAndGet)).isFalse();
        assertThat(first.runOnce("another-job", Duration.ofMinutes(10), Duration.ofMinutes(5), runs::incrementAndGet)).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(second.runOnce("rotation", Duration.ofMinutes(10), Duration.ofMinutes(5), runs::incrementAndGet)).isTrue();

        assertThat(runs).hasValue(3);
    }

    @Test
    void a_holder_that_died_mid_run_frees_the_job_after_at_most_its_lease() {
        assertThat(first.acquire("recheck", clock.instant(), Duration.ofMinutes(30))).isTrue();

        assertThat(second.runOnce("recheck", Duration.ofMinutes(30), Duration.ZERO, () -> { })).isFalse();
        clock.advance(Duration.ofMinutes(30));
        assertThat(second.runOnce("recheck", Duration.ofMinutes(30), Duration.ZERO, () -> { })).isTrue();
    }

    @Test
    void instances_racing_for_a_free_job_get_one_lease_between_them() throws Exception {
        List<ClusterLocks> instances = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            instances.add(new ClusterLocks(() -> mongo, clock, "instance-" + i));
        }
        List<Boolean> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        for (ClusterLocks instance : instances) {
            pool.execute(() -> {
                try {
                    start.await();
                    ran.add(instance.runOnce("sweep", Duration.ofMinutes(5), Duration.ofMinutes(1), () -> { }));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(ran).hasSize(8).containsOnlyOnce(true);
    }
}
