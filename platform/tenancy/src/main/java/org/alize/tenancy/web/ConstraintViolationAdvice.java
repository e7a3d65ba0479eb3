package org.alize.tenancy.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.alize.kernel.problem.InvalidInput;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A controller marked {@code @Validated} has its parameters checked by the method-validation proxy, which
 * throws {@link ConstraintViolationException} instead of Spring MVC's own exception: a 400 with one field
 * error per violated parameter, named without the method's prefix ({@code year}, not {@code basinYear.year}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConstraintViolationAdvice {

    private final ProblemAdvice problems;

    public ConstraintViolationAdvice(ProblemAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> violated(ConstraintViolationException e, HttpServletRequest request) {
        List<InvalidInput.FieldError> errors = e.getConstraintViolations().stream().map(violation -> {
            String path = violation.getPropertyPath().toString();
            return new InvalidInput.FieldError(path.substring(path.indexOf('.') + 1), violation.getMessage());
        }).sorted(java.util.Comparator.comparing(InvalidInput.FieldError::field)).toList();
        return problems.apiProblem(new InvalidInput("La requête contient des paramètres invalides.", errors), request);
    }
}
