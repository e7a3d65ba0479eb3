package org.alize.notification.people;

import java.util.List;

import org.alize.basin.events.ApprovalCommitteeChanged;
import org.alize.basin.events.LocalOperatorAppointed;
import org.alize.basin.events.PersonErased;
import org.alize.basin.events.PersonRecorded;
import org.alize.messaging.ReceivedEvent;
import org.alize.tenancy.personal.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps the basin's recipients, its committee and its operator from {@code alize.basin.v1} (one document per fact, by
 * id, latest {@code ce_sequence} wins). An erasure forgets the person's address and name, their preferences and every
 * mail written to them (the delivery log holds their address and name).
 */
@Component
public class PeopleReplica {

    private final MongoTemplate mongo;
    private final PersonalData personal;

    PeopleReplica(MongoTemplate mongo, PersonalData personal) {
        this.mongo = mongo;
        this.personal = personal;
    }

    /** The people of the operator's organisations, in activity, who can be written to. */
    public List<Recipient> operatorStaff() {
        OperatorOrganisations operator = mongo.findById(OperatorOrganisations.ID, OperatorOrganisations.class);
        if (operator == null || operator.organisationIds().isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("organisationId").in(operator.organisationIds()).and("inActivity").is(true)
                .and("erased").is(false)).limit(MAX_STAFF), Recipient.class);
    }

    /** The most people of an operator written to about one occasion. */
    static final int MAX_STAFF = 50;

    public void apply(ReceivedEvent<?> event) {
        long sequence = event.sequence();
        if (event.payload() instanceof PersonRecorded p) {
            Recipient known = mongo.findById(p.personId(), Recipient.class);
            if (known != null && (known.sequence() >= sequence || known.erased())) {
                return;
            }
            String first = personal.open(p.firstName());
            String last = personal.open(p.lastName());
            String email = personal.open(p.email());
            boolean erased = first == null || last == null; // sealed with a key since destroyed: a replay after the erasure
            mongo.save(new Recipient(p.personId(), erased ? PersonalData.ERASED_NAME : first + " " + last,
                    erased ? null : email, p.organisationId(), p.inActivity(), erased, sequence));
        } else if (event.payload() instanceof PersonErased e) {
            mongo.remove(query(where("recipientId").is(e.personId())), "mails");
            mongo.remove(query(where("_id").is(e.personId())), "preferences");
            mongo.save(new Recipient(e.personId(), PersonalData.ERASED_NAME, null, null, false, true, sequence));
        } else if (event.payload() instanceof ApprovalCommitteeChanged c) {
            CommitteeMembers known = mongo.findById(CommitteeMembers.ID, CommitteeMembers.class);
            if (known == null || known.sequence() < sequence) {
                mongo.save(new CommitteeMembers(CommitteeMembers.ID, c.members().stream()
                        .map(m -> new CommitteeMembers.Membership(m.personId(), m.from(), m.until())).toList(),
                        c.presidencies().stream().map(p -> new CommitteeMembers.Membership(p.personId(), p.from(), p.until()))
                                .toList(), sequence));
            }
        } else if (event.payload() instanceof LocalOperatorAppointed o) {
            OperatorOrganisations known = mongo.findById(OperatorOrganisations.ID, OperatorOrganisations.class);
            if (known == null || known.sequence() < sequence) {
                mongo.save(new OperatorOrganisations(OperatorOrganisations.ID, o.holders().stream()
                        .map(LocalOperatorAppointed.Holder::organisationId).distinct().toList(), sequence));
            }
        }
    }
}
