package org.alize.basin.committee;

import java.time.Instant;
import java.time.LocalDate;

import org.alize.basin.events.SteeringCommitteeDecided;
import org.alize.kernel.problem.InvalidInput;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.input.InputBounds;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A decision of the local steering committee the basin records, under the reference of its minutes: the same
 * reference cannot be recorded twice (a unique index holds it under concurrent requests). Its id is the platform's,
 * never the reference typed by a person: an id travels in the events' URIs. A transfer between the two accounts cites
 * one.
 */
@Document("steering_decisions")
public class SteeringDecision extends AggregateRoot {

    @Id
    private final String id;
    @Indexed(unique = true)
    private final String reference;
    private final LocalDate decidedOn;
    private final String subject;
    private final Instant recordedAt;
    private final String recordedBy;

    @PersistenceCreator
    SteeringDecision(String id, String reference, LocalDate decidedOn, String subject, Instant recordedAt, String recordedBy) {
        this.id = id;
        this.reference = reference;
        this.decidedOn = decidedOn;
        this.subject = subject;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public static SteeringDecision record(BasinId basin, String id, String reference, LocalDate decidedOn, String subject, LocalDate today,
            Instant at, String by) {
        if (reference == null || reference.isBlank()) {
            throw InvalidInput.field("reference", "la référence de la décision au procès-verbal est obligatoire");
        }
        if (decidedOn == null || decidedOn.isAfter(today) || decidedOn.isBefore(InputBounds.EARLIEST_DATE)) {
            throw InvalidInput.field("decidedOn", "la date de la décision est obligatoire et ne peut être future");
        }
        if (subject == null || subject.isBlank()) {
            throw InvalidInput.field("subject", "dites ce que le comité a décidé");
        }
        SteeringDecision decision = new SteeringDecision(id, reference.strip(), decidedOn, subject.strip(), at, by);
        decision.belongsTo(basin);
        decision.raise(new SteeringCommitteeDecided(basin.value(), id, decision.reference, decidedOn,
                decision.subject, at, by));
        return decision;
    }

    public String id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public String subject() {
        return subject;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
