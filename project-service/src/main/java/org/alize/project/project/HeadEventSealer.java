package org.alize.project.project;

import org.alize.messaging.outbox.EventSealer;
import org.alize.project.events.ProjectDecided;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.personal.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Seals, with the SME head's own key, what a decision carries of them before it reaches the outbox (their name and
 * address, for the decision's mail): the topic keeps events forever, and the head's erasure destroys the key
 * ({@link HeadErasureController}). The head is not a person of basin-service's register: their key is project-service's
 * to make and to destroy, under {@link ProjectDecided#holderKey}.
 */
@Component
class HeadEventSealer implements EventSealer {

    private final PersonalData personal;

    HeadEventSealer(PersonalData personal) {
        this.personal = personal;
    }

    @Override
    public Object seal(Object event, BasinId basin) {
        if (event instanceof ProjectDecided d && d.holder() != null) {
            String key = ProjectDecided.holderKey(d.projectId());
            String name = personal.seal(basin, key, d.holder().name());
            String email = personal.seal(basin, key, d.holder().email());
            ProjectDecided.Holder holder = name == null && email == null ? null : new ProjectDecided.Holder(name, email);
            return new ProjectDecided(d.basinId(), d.projectId(), d.reference(), d.sessionId(), d.decidedOn(), d.outcome(),
                    d.motivation(), d.forecastJobs(), d.mandataryId(), d.means(), d.complementaryDiagnosisRequested(),
                    d.voters(), d.recusedPersonIds(), d.newIntervention(), d.decidedAt(), d.decidedBy(), holder);
        }
        return event;
    }
}
