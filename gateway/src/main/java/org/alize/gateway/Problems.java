package org.alize.gateway;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.alize.kernel.problem.ApiProblem;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems written by the gateway itself: Spring's {@link ProblemDetail} with the type URI of its code
 * ({@link ApiProblem#type(String)}), in the same shape and language as the services'.
 */
final class Problems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    static ProblemDetail of(ServerWebExchange exchange, HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ApiProblem.type(code)));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    static Map<String, Object> body(ServerWebExchange exchange, HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = of(exchange, status, code, title, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        // the path as received, escaped by the mapper: it may be what the request was refused for
        body.put("instance", exchange.getRequest().getPath().value());
        body.putAll(problem.getProperties());
        return body;
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(body(exchange, status, code, title, detail)));
        return response.writeWith(Mono.just(buffer));
    }
}
