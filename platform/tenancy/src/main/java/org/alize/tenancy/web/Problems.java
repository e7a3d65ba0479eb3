package org.alize.tenancy.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.alize.kernel.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one place a service's refusals become RFC 9457 documents (Spring's {@link ProblemDetail}), whoever refuses:
 * the controllers' advice, the filters before them, Tomcat itself. Each carries a French title and detail, its
 * stable {@code code} and the type URI of that code ({@link ApiProblem#type(String)}), the path it answers, and
 * the members of its kind (field {@code errors}, {@code rule}, {@code allowedActions}…).
 */
public final class Problems {

    private Problems() {
    }

    /** The HTTP status of a kind of refusal: the domain says what happened, the edge says it in HTTP. */
    public static HttpStatus status(ApiProblem.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    public static ProblemDetail of(ApiProblem problem, String path) {
        return of(status(problem.kind()), problem.code(), problem.title(), problem.detail(), path, problem.properties());
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail, String path,
            Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ApiProblem.type(code)));
        problem.setTitle(title);
        URI instance = instance(path);
        if (instance != null) {
            problem.setInstance(instance);
        }
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** The document as written where no message converter runs (a filter, a valve): members in RFC 9457's order. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** The path as the problem's {@code instance}; a path that is no URI (the request was refused for it) has none. */
    private static URI instance(String path) {
        if (path == null) {
            return null;
        }
        try {
            return new URI(path);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
