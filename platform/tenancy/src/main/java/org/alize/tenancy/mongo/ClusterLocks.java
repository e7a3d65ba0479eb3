package org.alize.tenancy.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.alize.tenancy.BasinContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Scheduled work that must run once across a service's instances (rotating the signing key, the nightly recheck,
 * sweeps): each run takes a lease named after the job in the service's network database, held at most
 * {@code atMost} (a crashed holder frees it then) and at least {@code atLeast} (an instance whose clock or schedule
 * is a little behind does not run the job again right after). One document per job; taking it is one conditional
 * upsert, so two instances racing get one lease between them.
 */
public class ClusterLocks {

    private static final Logger log = LoggerFactory.getLogger(ClusterLocks.class);

    @Document("cluster_locks")
    record Lease(@Id String job, Instant lockedUntil, String holder, Instant lockedAt) {
    }

    private final Supplier<MongoOperations> mongo;
    private final Clock clock;
    private final String holder;

    public ClusterLocks(Supplier<MongoOperations> mongo, Clock clock, String holder) {
        this.mongo = mongo;
        this.clock = clock;
        this.holder = holder;
    }

    /** This instance's name in the leases it holds: host, process and a random part. */
    public static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs {@code job} here if no other instance holds its lease; returns whether it ran. */
    public boolean runOnce(String job, Duration atMost, Duration atLeast, Runnable task) {
        Instant start = clock.instant();
        if (!acquire(job, start, atMost)) {
            log.debug("{} runs elsewhere: its lease is held", job);
            return false;
        }
        try {
            task.run();
            return true;
        } finally {
            Instant until = max(start.plus(atLeast), clock.instant());
            BasinContext.callInNetwork(() -> mongo.get().updateFirst(query(where("_id").is(job).and("holder").is(holder)),
                    new Update().set("lockedUntil", until), Lease.class));
        }
    }

    boolean acquire(String job, Instant now, Duration atMost) {
        try {
            Lease lease = BasinContext.callInNetwork(() -> mongo.get().findAndModify(
                    query(where("_id").is(job).and("lockedUntil").lte(now)),
                    new Update().set("lockedUntil", now.plus(atMost)).set("holder", holder).set("lockedAt", now),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Lease.class));
            return lease != null && holder.equals(lease.holder());
        } catch (DuplicateKeyException e) {
            // the lease exists and is held: the upsert tried to insert a second document with the job's name
            return false;
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
