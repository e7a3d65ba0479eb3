package org.alize.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.alize.tenancy.BasinId;
import org.junit.jupiter.api.Test;

class TenantFairExecutorTest {

    private static final Tenant FLOODING = new Tenant(BasinId.of("flandre-dunkerque"));
    private static final Tenant QUIET = new Tenant(BasinId.of("valenciennois"));

    @Test
    void another_basins_event_waits_for_one_task_of_a_basin_that_handed_over_a_thousand_not_for_all_of_them()
            throws Exception {
        TenantFairExecutor executor = new TenantFairExecutor("test-publisher", 10_000);
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch held = new CountDownLatch(1);
        executor.execute(FLOODING, () -> hold(held));
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.queued() == 0);
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            executor.execute(FLOODING, () -> ran.add("flood-" + n));
        }
        executor.execute(QUIET, () -> ran.add("quiet"));
        executor.execute(Tenant.NETWORK, () -> ran.add("network"));
        assertThat(executor.queued()).isEqualTo(1_002);

        held.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 1_002);
        int quiet = ran.indexOf("quiet");
        System.out.printf("fair outbox: the quiet basin's event left after %d of the flooding basin's 1000 (FIFO: 1000)%n",
                ran.subList(0, quiet).stream().filter(task -> task.startsWith("flood-")).count());
        assertThat(quiet).isLessThanOrEqualTo(1);
        assertThat(ran.indexOf("network")).isLessThanOrEqualTo(2);
        // a basin's own tasks keep their order: an aggregate's events leave as they were raised
        assertThat(ran.stream().filter(task -> task.startsWith("flood-")).toList())
                .isEqualTo(java.util.stream.IntStream.range(0, 1_000).mapToObj(n -> "flood-" + n).toList());
        executor.shutdown();
        assertThat(executor.awaitTermination(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void what_waits_is_bounded_a_failing_task_does_not_stop_the_thread_and_shutdown_drains_then_refuses() throws Exception {
        TenantFairExecutor executor = new TenantFairExecutor("test-publisher", 3);
        CountDownLatch held = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        executor.execute(QUIET, () -> hold(held));
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.queued() == 0);
        executor.execute(QUIET, () -> {
            throw new IllegalStateException("broker down");
        });
        executor.execute(FLOODING, () -> ran.add("a"));
        executor.execute(FLOODING, () -> ran.add("b"));
        assertThatThrownBy(() -> executor.execute(QUIET, () -> ran.add("c"))).isInstanceOf(RejectedExecutionException.class);

        executor.shutdown();
        held.countDown();
        assertThat(executor.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(ran).containsExactly("a", "b");
        assertThatThrownBy(() -> executor.execute(QUIET, () -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
