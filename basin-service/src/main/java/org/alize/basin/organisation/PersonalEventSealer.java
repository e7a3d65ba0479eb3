package org.alize.basin.organisation;

import org.alize.basin.events.ApprovalCommitteeChanged;
import org.alize.basin.events.PersonRecorded;
import org.alize.basin.events.SteeringCommitteeChanged;
import org.alize.messaging.outbox.EventSealer;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.personal.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Seals, with each person's key, what basin events carry of people before they reach the outbox: a person's names,
 * address, phone and job title, and the names in the committees' compositions. The topic keeps events forever; an
 * erasure destroys the key. Ids, affiliations and dates stay in clear: the consumers' rules need them.
 */
@Component
class PersonalEventSealer implements EventSealer {

    private final PersonalData personal;

    PersonalEventSealer(PersonalData personal) {
        this.personal = personal;
    }

    @Override
    public Object seal(Object event, BasinId basin) {
        if (event instanceof PersonRecorded p) {
            String id = p.personId();
            return new PersonRecorded(p.basinId(), id, seal(basin, id, p.firstName()), seal(basin, id, p.lastName()),
                    seal(basin, id, p.email()), seal(basin, id, p.phone()), p.organisationId(), p.affiliation(),
                    seal(basin, id, p.jobTitle()), p.inActivity(), p.recordedAt(), p.recordedBy());
        }
        if (event instanceof ApprovalCommitteeChanged c) {
            return new ApprovalCommitteeChanged(c.basinId(), c.members().stream()
                    .map(m -> new ApprovalCommitteeChanged.Member(m.membershipId(), m.personId(),
                            seal(basin, m.personId(), m.name()), m.organisationId(), m.organisationKind(), m.seat(),
                            m.voting(), m.from(), m.until())).toList(),
                    c.presidencies().stream().map(p -> new ApprovalCommitteeChanged.Presidency(p.personId(),
                            seal(basin, p.personId(), p.name()), p.from(), p.until())).toList(),
                    c.quorumKind(), c.quorumMinimum(), c.change(), c.changedAt(), c.changedBy());
        }
        if (event instanceof SteeringCommitteeChanged s) {
            return new SteeringCommitteeChanged(s.basinId(), s.chairs().stream()
                    .map(ch -> new SteeringCommitteeChanged.Chair(ch.kind(), ch.personId(), seal(basin, ch.personId(), ch.name()),
                            ch.organisationId(), ch.financialSharePercent(), ch.from(), ch.until())).toList(),
                    s.members().stream().map(m -> new SteeringCommitteeChanged.Member(m.personId(),
                            seal(basin, m.personId(), m.name()), m.from(), m.until())).toList(),
                    s.change(), s.changedAt(), s.changedBy());
        }
        return event;
    }

    private String seal(BasinId basin, String personId, String value) {
        return personId == null ? value : personal.seal(basin, personId, value);
    }
}
