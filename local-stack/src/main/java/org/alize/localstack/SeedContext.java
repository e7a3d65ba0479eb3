package org.alize.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.alize.testing.OidcBrowser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a seeder gets: the services' base URLs and a token of the seeders' client, obtained from
 * identity-service with the client credentials grant (and again shortly before it expires).
 */
public final class SeedContext {

    private final Map<String, URI> services;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private Instant tokenExpiresAt = Instant.MIN;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SeedContext(Map<String, URI> services, String clientId, String clientSecret) {
        this.services = Map.copyOf(services);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public URI service(String name) {
        URI uri = services.get(name);
        if (uri == null) {
            throw new IllegalArgumentException("no service named " + name + " in the stack");
        }
        return uri;
    }

    /** A bearer token of the seeders' client: ASTREES' network role and the operator role on the demo basins. */
    public synchronized String token() {
        if (Instant.now().isAfter(tokenExpiresAt)) {
            OidcBrowser.Tokens tokens = OidcBrowser.clientCredentials(service(Services.IDENTITY), clientId, clientSecret);
            token = tokens.accessToken();
            tokenExpiresAt = Instant.now().plusSeconds(Math.max(0, tokens.expiresIn() - 60));
        }
        return token;
    }

    /** Like {@link #send} with the answer read as JSON. */
    public JsonNode json(String method, URI uri, String token, String json) throws Exception {
        String body = send(method, uri, token, json);
        return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    }

    /** Sends a JSON request as {@code token}'s holder and fails unless the answer is 2xx. */
    public String send(String method, URI uri, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
