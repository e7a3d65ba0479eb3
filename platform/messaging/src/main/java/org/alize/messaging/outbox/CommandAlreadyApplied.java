package org.alize.messaging.outbox;

import java.util.Map;

import org.alize.kernel.problem.ApiProblem;

/**
 * A command resumed after its first run was cut (the service died before the answer was kept) finds that
 * the first run had written this aggregate: nothing is written again. Its answer (409, code
 * {@code idempotency.applied}) is kept under the idempotency key like any other.
 */
public class CommandAlreadyApplied extends ApiProblem {

    public CommandAlreadyApplied(String aggregateType, Object aggregateId) {
        super(Kind.CONFLICT, "idempotency.applied", "Déjà enregistrée",
                "Cette requête avait déjà été enregistrée avant une interruption du service ; elle n'est pas appliquée "
                        + "une seconde fois. Sa réponse d'origine n'a pas pu être conservée : consultez la ressource "
                        + aggregateId + ".",
                Map.of("aggregateType", aggregateType, "aggregateId", String.valueOf(aggregateId)));
    }
}
