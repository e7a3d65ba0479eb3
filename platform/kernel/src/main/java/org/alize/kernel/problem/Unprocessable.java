package org.alize.kernel.problem;

import java.util.List;
import java.util.Map;

/** 422: well-formed, but a value the platform cannot accept (a reserved name), with the field at fault. */
public class Unprocessable extends ApiProblem {

    public Unprocessable(String code, String field, String message) {
        super(Kind.REFUSED, code, "Demande refusée", "Valeur refusée pour « " + field + " » : " + message + ".",
                Map.of("errors", List.of(new InvalidInput.FieldError(field, message))));
    }
}
