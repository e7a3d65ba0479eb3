package org.alize.tenancy.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.kernel.problem.ApiProblem;
import org.alize.kernel.problem.InvalidInput;
import org.alize.tenancy.input.InputBounds;
import org.alize.tenancy.input.InputBoundsFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * Every refusal of a service's API as an RFC 9457 problem with a French {@code detail}: the domain's
 * {@link ApiProblem}s, bad input (400 with per-field {@code errors}), concurrent writes (409), and
 * anything unexpected as a 500 that shows no internals.
 */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
        return respond(Problems.of(problem, request.getRequestURI()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<InvalidInput.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidInput.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return apiProblem(new InvalidInput("La requête contient " + errors.size() + " champ(s) invalide(s).", errors), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<InvalidInput.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new InvalidInput.FieldError(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return apiProblem(new InvalidInput("La requête contient des paramètres invalides.", errors), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (InputBoundsFilter.BodyTooLargeException.isCauseOf(e)) {
            return problem(request, 413, "request.too-large", "Requête trop volumineuse",
                    "Le corps de la requête dépasse " + InputBounds.MAX_BODY_BYTES / 1024 + " Kio.", Map.of());
        }
        Throwable cause = e.getCause();
        if (cause instanceof ApiProblem problem) {
            return apiProblem(problem, request);
        }
        if (cause != null && cause.getCause() instanceof ApiProblem problem) {
            return apiProblem(problem, request);
        }
        if (cause instanceof DatabindException binding && !binding.getPath().isEmpty()) {
            String field = binding.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return apiProblem(new InvalidInput("Le champ « " + field + " » est absent ou n'a pas le bon type.",
                    List.of(new InvalidInput.FieldError(field, "valeur absente ou de type inattendu"))), request);
        }
        return problem(request, 400, "request.unreadable", "Requête illisible",
                "Le corps de la requête n'est pas un JSON valide pour cette opération.", Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return apiProblem(InvalidInput.field(e.getName(), "valeur invalide : « " + e.getValue() + " »"), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
            HttpServletRequest request) {
        return apiProblem(InvalidInput.field(e.getParameterName(), "paramètre obligatoire"), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return apiProblem(InvalidInput.field(e.getHeaderName(), "en-tête obligatoire"), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(OptimisticLockingFailureException e, HttpServletRequest request) {
        // a concurrent run's doing: an idempotent command's retry must run again, not get this answer back
        request.setAttribute(IdempotencyFilter.TRANSIENT_REFUSAL, Boolean.TRUE);
        return problem(request, 409, "concurrent-modification", "Conflit",
                "Cette ressource a été modifiée entre-temps : rechargez-la puis recommencez.", Map.of());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        request.setAttribute(IdempotencyFilter.TRANSIENT_REFUSAL, Boolean.TRUE);
        return problem(request, 409, "already-exists", "Conflit", "Cette ressource existe déjà.", Map.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        String detail = e.getMessage() == null || e.getMessage().startsWith("Access Denied")
                ? "Vos droits ne permettent pas cette action." : e.getMessage();
        return problem(request, 403, "auth.forbidden", "Accès refusé", detail, Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(request, 405, "request.method", "Méthode non permise",
                "La méthode " + e.getMethod() + " n'est pas permise ici.", Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(request, 415, "request.media-type", "Format non pris en charge",
                "Envoyez le corps de la requête en application/json.", Map.of());
    }

    /** The client accepts none of the formats this resource has: nothing to write the refusal in either. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Void> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(request, 404, "not-found", "Introuvable", "Aucune ressource à cette adresse.", Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
            // raised while looking the handler up (a PDF asked for as JSON): the advice's own 406 handler
            // is not always the one picked then
            return notAcceptable(notAcceptable);
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(request, 500, "internal", "Erreur interne",
                "Une erreur inattendue est survenue ; rien n'a été enregistré à moitié. Réessayez ou contactez l'assistance.",
                Map.of());
    }

    static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, int status, String code, String title,
            String detail, Map<String, Object> properties) {
        return respond(Problems.of(HttpStatus.valueOf(status), code, title, detail, request.getRequestURI(), properties));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
