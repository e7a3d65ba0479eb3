package org.alize.kernel.problem;

import java.util.List;
import java.util.Map;

/** 400: the request is malformed; {@code errors} lists each faulty field with a French message. */
public class InvalidInput extends ApiProblem {

    public record FieldError(String field, String message) {
    }

    public InvalidInput(String detail, List<FieldError> errors) {
        super(Kind.INVALID, "request.invalid", "Requête invalide", detail, Map.of("errors", List.copyOf(errors)));
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput("Valeur invalide pour « " + field + " » : " + message + ".", List.of(new FieldError(field, message)));
    }
}
