package org.alize.console.api;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alize.console.ConsoleSettings;
import org.alize.console.security.ConsoleSecurity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's APIs as the logged-in user calls them: through the gateway, with their access token
 * (refreshed when expired). Answers are JSON trees the pages read; a refusal becomes an {@link ApiException}
 * carrying the service's French explanation.
 */
@Component
public class Api {

    private final RestClient rest;
    private final OAuth2AuthorizedClientManager clients;
    private final JsonMapper json;

    public Api(ConsoleSettings settings, OAuth2AuthorizedClientManager clients, JsonMapper json) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(3)).build());
        factory.setReadTimeout(settings.timeout());
        this.rest = RestClient.builder().baseUrl(settings.gatewayUrl().toString()).requestFactory(factory).build();
        this.clients = clients;
        this.json = json;
    }

    public JsonNode get(String path, Object... variables) {
        return call(HttpMethod.GET, path, variables, null, null);
    }

    /**
     * A write; {@code body} is serialised to JSON. It carries an {@code Idempotency-Key}: the key of the form
     * being posted when there is one (so a double submit is one command), else a fresh one.
     */
    public JsonNode post(String path, Object body, Object... variables) {
        return call(HttpMethod.POST, path, variables, body, FormKeys.next());
    }

    /**
     * A replacement, keyed like a {@link #post}: a double-submitted form (a local operator designated twice, a
     * project corrected twice) is one command, not a second entry in the history.
     */
    public JsonNode put(String path, Object body, Object... variables) {
        return call(HttpMethod.PUT, path, variables, body, FormKeys.next());
    }

    /** A file sent as the request's body in its own media type (a spreadsheet to import), keyed like a {@link #post}. */
    public JsonNode upload(String path, String contentType, byte[] file, Object... variables) {
        String key = FormKeys.next();
        try {
            String answer = rest.post().uri(path, variables).headers(headers -> {
                authorize(headers, MediaType.APPLICATION_JSON_VALUE);
                headers.set("Idempotency-Key", key);
            }).contentType(MediaType.parseMediaType(contentType)).body(file).retrieve().body(String.class);
            return answer == null || answer.isBlank() ? json.nullNode() : json.readTree(answer);
        } catch (RestClientResponseException e) {
            throw refusal(e.getStatusCode().value(), e.getResponseBodyAsString(StandardCharsets.UTF_8));
        } catch (ResourceAccessException e) {
            throw unavailable();
        }
    }

    /** A removal (a revocation), keyed like a {@link #post}. */
    public JsonNode delete(String path, Object... variables) {
        return call(HttpMethod.DELETE, path, variables, null, FormKeys.next());
    }

    /** A file as the API serves it in {@code accept} (CSV, spreadsheet, PDF, FEC). */
    public Download download(String path, String accept, Object... variables) {
        try {
            return rest.get().uri(path, variables).headers(headers -> authorize(headers, accept))
                    .exchange((request, response) -> {
                        if (response.getStatusCode().isError()) {
                            throw refusal(response.getStatusCode().value(), new String(response.getBody().readAllBytes(),
                                    StandardCharsets.UTF_8));
                        }
                        return new Download(response.getBody().readAllBytes(),
                                response.getHeaders().getContentType() == null ? accept
                                        : response.getHeaders().getContentType().toString(),
                                response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
                    });
        } catch (ResourceAccessException e) {
            throw unavailable();
        }
    }

    public record Download(byte[] bytes, String contentType, String contentDisposition) {
    }

    /** The current user's access token, for a page that needs its claims (the roles). */
    public String accessToken() {
        return authorizedClient().getAccessToken().getTokenValue();
    }

    private JsonNode call(HttpMethod method, String path, Object[] variables, Object body, String idempotencyKey) {
        try {
            RestClient.RequestBodySpec request = rest.method(method).uri(path, variables)
                    .headers(headers -> {
                        authorize(headers, MediaType.APPLICATION_JSON_VALUE);
                        if (idempotencyKey != null) {
                            headers.set("Idempotency-Key", idempotencyKey);
                        }
                    });
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
            }
            String answer = request.retrieve().body(String.class);
            return answer == null || answer.isBlank() ? json.nullNode() : json.readTree(answer);
        } catch (RestClientResponseException e) {
            throw refusal(e.getStatusCode().value(), e.getResponseBodyAsString(StandardCharsets.UTF_8));
        } catch (ResourceAccessException e) {
            throw unavailable();
        }
    }

    private void authorize(HttpHeaders headers, String accept) {
        headers.setBearerAuth(accessToken());
        headers.set(HttpHeaders.ACCEPT, accept);
    }

    private OAuth2AuthorizedClient authorizedClient() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest
                .withClientRegistrationId(ConsoleSecurity.REGISTRATION).principal(user)
                .attributes(map -> {
                    map.put(HttpServletRequest.class.getName(), request);
                    map.put(HttpServletResponse.class.getName(), response);
                }).build());
        if (client == null) {
            throw new ClientAuthorizationRequiredException(ConsoleSecurity.REGISTRATION);
        }
        return client;
    }

    private ApiException refusal(int status, String body) {
        String title = "Refus";
        String detail = "Le service a refusé la demande (" + status + ").";
        List<ApiException.FieldError> errors = new ArrayList<>();
        try {
            JsonNode problem = json.readTree(body);
            title = problem.path("title").asString(title);
            detail = problem.path("detail").asString(detail);
            for (JsonNode error : problem.path("errors")) {
                errors.add(new ApiException.FieldError(error.path("field").asString(""), error.path("message").asString("")));
            }
        } catch (RuntimeException notJson) {
            // keep the generic French message
        }
        if (status == 503) {
            return new ApiException(503, "Service indisponible", detail, errors);
        }
        return new ApiException(status, title, detail, errors);
    }

    private static ApiException unavailable() {
        return new ApiException(503, "Service indisponible",
                "La plateforme ne répond pas pour le moment : réessayez dans quelques instants.", List.of());
    }

    /** A JSON object for a request body. */
    public static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
