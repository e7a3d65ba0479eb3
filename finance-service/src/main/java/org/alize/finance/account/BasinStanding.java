package org.alize.finance.account;

import org.alize.kernel.problem.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The basin's status in the network registry, replicated from basin-service's events: money goes out
 * (disbursements) only while the basin is active; a suspended basin still records repayments and losses.
 */
@Component
public class BasinStanding {

    @Document("replica_basin_status")
    record Status(@Id String id, String status, long sequence) {
        static final String ID = "status";
    }

    private final MongoTemplate mongo;

    BasinStanding(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Refuses {@code what} unless the basin is active; a basin whose status has not reached finance yet is trusted. */
    public void requireOperating(String what) {
        Status status = mongo.findById(Status.ID, Status.class);
        if (status != null && !"ACTIVE".equals(status.status())) {
            throw new RuleViolation("R-01", "Le bassin n'est pas en activité (statut " + status.status() + ") : " + what
                    + " attend son activation.");
        }
    }

    void record(String status, long sequence) {
        Status stored = mongo.findById(Status.ID, Status.class);
        if (stored == null || stored.sequence() < sequence) {
            mongo.save(new Status(Status.ID, status, sequence));
        }
    }
}
