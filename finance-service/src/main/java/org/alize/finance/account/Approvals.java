package org.alize.finance.account;

import java.time.LocalDate;
import java.util.Optional;

import org.alize.kernel.problem.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The decisions a transfer between the two accounts may cite, replicated from the other services: the
 * steering committee's decisions basin-service records, and the sessions of the approval committee project-service
 * holds. A transfer's approval must name one of this basin's, by its reference, on or before the transfer's date.
 */
@Component
public class Approvals {

    /** @param reference the decision's reference at the steering committee, or the session's id at the approval committee */
    @Document("replica_decisions")
    record Decision(@Id String reference, String body, LocalDate decidedOn) {
    }

    public static final String STEERING_COMMITTEE = "STEERING_COMMITTEE";
    public static final String APPROVAL_COMMITTEE = "APPROVAL_COMMITTEE";

    private final MongoTemplate mongo;

    Approvals(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records a decision the basin took; the same one heard again changes nothing. */
    public void record(String body, String reference, LocalDate decidedOn) {
        mongo.save(new Decision(reference.strip(), body, decidedOn));
    }

    /**
     * Refuses a transfer on {@code on} whose approval is not a decision of this basin's steering committee or a
     * session of its approval committee held on or before that day.
     */
    public void requireApproval(String reference, LocalDate on) {
        Optional<Decision> decision = Optional.ofNullable(reference).map(String::strip).filter(r -> !r.isEmpty())
                .map(r -> mongo.findById(r, Decision.class));
        if (decision.isEmpty()) {
            throw new RuleViolation("R-04", "L'argent ne passe d'un compte à l'autre que sur une décision approuvée : « " + reference
                    + " » n'est ni une décision du comité local de pilotage enregistrée dans ce bassin, ni une séance de son "
                    + "comité d'agrément.");
        }
        if (decision.get().decidedOn().isAfter(on)) {
            throw new RuleViolation("R-04", "La décision « " + reference.strip() + " » date du " + decision.get().decidedOn()
                    + " : le virement la suit, il ne peut être daté du " + on + ".");
        }
    }
}
