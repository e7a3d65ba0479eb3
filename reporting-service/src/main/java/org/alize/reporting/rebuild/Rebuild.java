package org.alize.reporting.rebuild;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One rebuild of the read models and how far it got: records read and applied, the live and rebuilt models
 * compared once caught up, and when the views switched to the new generation.
 */
@Document("rebuilds")
public record Rebuild(@Id String id, int generation, int replacedGeneration, Status status, String requestedBy,
        Instant requestedAt, Instant caughtUpAt, Instant switchedAt, long recordsRead, long eventsApplied,
        long recordsRejected, Comparison comparison, String error) {

    public enum Status {
        /** replaying the topics into the new generation */
        RUNNING,
        /** the new generation is live; what arrived during the switch has been replayed too */
        SWITCHED,
        /** stopped on an error; the views still read the former generation */
        FAILED
    }

    /**
     * The live and the rebuilt indicator documents, compared without their freshness fields once the rebuild
     * caught up with the topics: equal when the read models are exactly what the topics say.
     */
    public record Comparison(int liveDocuments, int rebuiltDocuments, boolean equal, List<String> differingDocuments) {
    }

    Rebuild progress(long read, long applied, long rejected) {
        return new Rebuild(id, generation, replacedGeneration, status, requestedBy, requestedAt, caughtUpAt, switchedAt, read,
                applied, rejected, comparison, error);
    }

    Rebuild caughtUp(Instant at, Comparison result) {
        return new Rebuild(id, generation, replacedGeneration, status, requestedBy, requestedAt, at, switchedAt, recordsRead,
                eventsApplied, recordsRejected, result, error);
    }

    Rebuild switched(Instant at) {
        return new Rebuild(id, generation, replacedGeneration, Status.SWITCHED, requestedBy, requestedAt, caughtUpAt, at,
                recordsRead, eventsApplied, recordsRejected, comparison, error);
    }

    Rebuild failed(String reason) {
        return new Rebuild(id, generation, replacedGeneration, Status.FAILED, requestedBy, requestedAt, caughtUpAt, switchedAt,
                recordsRead, eventsApplied, recordsRejected, comparison, reason);
    }
}
