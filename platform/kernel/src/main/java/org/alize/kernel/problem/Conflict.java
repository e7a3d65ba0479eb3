package org.alize.kernel.problem;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** 409: the request does not fit the current state; for a transition, names the actions allowed now. */
public class Conflict extends ApiProblem {

    public Conflict(String code, String detail) {
        super(Kind.CONFLICT, code, "Conflit", detail, Map.of());
    }

    public Conflict(String code, String detail, Collection<String> allowedActions) {
        super(Kind.CONFLICT, code, "Conflit", detail, Map.of("allowedActions", List.copyOf(allowedActions)));
    }
}
