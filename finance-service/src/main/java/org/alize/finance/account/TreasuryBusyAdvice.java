package org.alize.finance.account;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.tenancy.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A basin's treasury held by another instance longer than a request waits (its holder died and the lease has not
 * run out yet): 503 with {@code Retry-After}, so the client sends the same command again with the same
 * idempotency key (a 503 is not kept as the key's answer). Nothing was written.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TreasuryBusyAdvice {

    @ExceptionHandler(Treasury.Busy.class)
    ResponseEntity<ProblemDetail> busy(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "treasury.busy", "Trésorerie occupée",
                        "Une autre sortie d'argent du bassin est en cours d'enregistrement : renvoyez la même demande, "
                                + "avec la même clé d'idempotence, dans un instant.", request.getRequestURI(), Map.of()));
    }
}
