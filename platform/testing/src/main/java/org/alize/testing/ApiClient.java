package org.alize.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's HTTP API as a test calls it: JSON in, status and JSON out, with or without a bearer token. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    private ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static ApiClient on(int port) {
        return new ApiClient("http://localhost:" + port, null);
    }

    public static ApiClient on(URI base) {
        return new ApiClient(base.toString().replaceAll("/$", ""), null);
    }

    public ApiClient as(String bearerToken) {
        return new ApiClient(base, bearerToken);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET with its own {@code Accept} header. */
    public Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A file sent as the request's body, in its own media type (a spreadsheet imported). */
    public Response post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A command sent with an {@code Idempotency-Key}. */
    public Response postWithKey(String path, String key, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** A binary answer (a PDF, a spreadsheet): fails unless it is 200. */
    public byte[] bytes(String path) {
        return bytes(path, "*/*");
    }

    /** A binary answer in the media type asked for by {@code accept} (an export): fails unless it is 200. */
    public byte[] bytes(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Accept", accept)
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + new String(response.body(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Response send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30));
        if (request.build().headers().firstValue("Accept").isEmpty()) {
            request.header("Accept", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, content type, location and body, with the body as JSON on demand. */
    public record Response(int status, String contentType, String location, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
