package org.alize.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where a route's circuit breaker sends a request its service could not answer in time, or at all. */
@RestController
class FallbackController {

    /** For a person in a browser (the console's routes): a short page in French, not a problem document. */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Service momentanément indisponible — ALIZÉ</title></head>
            <body><main><h1>Service momentanément indisponible</h1>
            <p>La console du réseau ALIZÉ ne répond pas pour le moment. Réessayez dans quelques instants.</p>
            <p><a href="/">Réessayer</a></p></main></body></html>
            """;

    private static Mono<Void> page(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        exchange.getResponse().getHeaders().setContentType(org.springframework.http.MediaType.valueOf("text/html;charset=UTF-8"));
        exchange.getResponse().getHeaders().set("Cache-Control", "no-store");
        byte[] bytes = PAGE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(bytes)));
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        if ("console".equals(service)) {
            return page(exchange);
        }
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable", "Service indisponible",
                "Le service des " + Routes.LABELS.getOrDefault(service, service)
                        + " ne répond pas pour le moment ; réessayez dans quelques instants.");
    }
}
