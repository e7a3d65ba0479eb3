package org.alize.messaging.outbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One publishing thread whose work is served <strong>by basin in turn</strong>: each basin (and the network level) has
 * its own queue, and the thread takes one task from each basin with work before taking a second from any. A basin
 * that hands over thousands of events at once (a burst of commands, an import) makes another basin's event wait for
 * one of its tasks, not for all of them. A basin's own tasks keep their order, so an aggregate's events leave in the
 * order they were raised. At most {@code capacity} tasks wait in all: beyond, {@link #execute} refuses, and the relay
 * leaves that work to a retry from the stored document.
 */
final class TenantFairExecutor {

    private static final Logger log = LoggerFactory.getLogger(TenantFairExecutor.class);

    private final int capacity;
    private final Map<Tenant, ArrayDeque<Runnable>> queues = new HashMap<>();
    /** The basins with work, in the order they are served next. */
    private final ArrayDeque<Tenant> turn = new ArrayDeque<>();
    private final Thread worker;
    private int size;
    private boolean shutdown;

    TenantFairExecutor(String name, int capacity) {
        this.capacity = capacity;
        this.worker = new Thread(this::work, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues {@code task} behind {@code tenant}'s earlier ones; refused when shut down or when {@code capacity} wait. */
    synchronized void execute(Tenant tenant, Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException(worker.getName() + " is shut down");
        }
        if (size >= capacity) {
            throw new RejectedExecutionException(worker.getName() + ": " + size + " tasks are waiting already");
        }
        ArrayDeque<Runnable> queue = queues.get(tenant);
        if (queue == null) {
            queue = new ArrayDeque<>();
            queues.put(tenant, queue);
            turn.addLast(tenant);
        }
        queue.addLast(task);
        size++;
        notifyAll();
    }

    /** Tasks waiting, all basins together. */
    synchronized int queued() {
        return size;
    }

    /** Runs what is already queued, then stops; nothing more is accepted. */
    synchronized void shutdown() {
        shutdown = true;
        notifyAll();
    }

    boolean awaitTermination(Duration timeout) throws InterruptedException {
        worker.join(Math.max(1, timeout.toMillis()));
        return !worker.isAlive();
    }

    private synchronized Runnable next() throws InterruptedException {
        while (size == 0) {
            if (shutdown) {
                return null;
            }
            wait();
        }
        Tenant tenant = turn.pollFirst();
        ArrayDeque<Runnable> queue = queues.get(tenant);
        Runnable task = queue.pollFirst();
        size--;
        if (queue.isEmpty()) {
            queues.remove(tenant);
        } else {
            turn.addLast(tenant);
        }
        return task;
    }

    private void work() {
        while (true) {
            Runnable task;
            try {
                task = next();
            } catch (InterruptedException e) {
                return;
            }
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{}: a task failed: {}", worker.getName(), e.toString());
            }
        }
    }
}
