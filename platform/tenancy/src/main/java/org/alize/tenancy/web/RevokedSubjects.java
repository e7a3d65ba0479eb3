package org.alize.tenancy.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.alize.kernel.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses the access tokens the provider has revoked before they expire (an account disabled, a refresh
 * token replayed): it polls the provider's revocation list every {@code refresh} and fails a token whose
 * subject is listed and which was issued before the revocation. Boot adds every such validator bean to the
 * auto-configured JWT decoder. When the provider does not answer, the last list stays in force.
 */
public final class RevokedSubjects implements OAuth2TokenValidator<Jwt>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RevokedSubjects.class);
    private static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "jeton révoqué", null);

    private final URI list;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alize-revocations");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Instant> revoked = Map.of();

    public RevokedSubjects(URI list, Duration refresh, JsonMapper json) {
        this.list = list;
        this.json = json;
        poller.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Map<String, Instant> current = revoked;
        if (current.isEmpty() || token.getSubject() == null) {
            return OAuth2TokenValidatorResult.success(); // the usual case: nothing to hash on every request
        }
        Instant notBefore = current.get(Digests.sha256Hex(token.getSubject()));
        if (notBefore != null && (token.getIssuedAt() == null || !token.getIssuedAt().isAfter(notBefore))) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        return OAuth2TokenValidatorResult.success();
    }

    void refresh() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(list).timeout(Duration.ofSeconds(3)).GET()
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("revocation list {} answered {}: the last list stays in force", list, response.statusCode());
                return;
            }
            Map<String, Instant> fresh = new HashMap<>();
            for (JsonNode entry : json.readTree(response.body()).path("revoked")) {
                Instant notBefore = Instant.parse(entry.path("notBefore").asString());
                fresh.merge(entry.path("subjectHash").asString(), notBefore, (a, b) -> a.isAfter(b) ? a : b);
            }
            revoked = Map.copyOf(fresh);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("revocation list {} unreachable ({}): the last list stays in force", list, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
