package org.alize.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a scenario talks to the platform with: the public entry (each service directly, until the
 * gateway exists), as the holder of a real signed token, or as nobody.
 */
final class PlatformClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;
    private final boolean traced;

    private PlatformClient(String token) {
        this(token, false);
    }

    private PlatformClient(String token, boolean traced) {
        this.token = token;
        this.traced = traced;
    }

    /**
     * The same client, each request the start of its own sampled trace (a W3C {@code traceparent} with the sampled
     * flag): the test stack samples nothing else, so that the spans of the whole suite do not weigh on its run.
     */
    PlatformClient traced() {
        return new PlatformClient(token, true);
    }

    private void trace(HttpRequest.Builder request) {
        if (traced) {
            java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
            request.header("traceparent", "00-" + String.format("%016x%016x", random.nextLong(), random.nextLong()) + "-"
                    + String.format("%016x", random.nextLong()) + "-01");
        }
    }

    static PlatformClient anonymous() {
        return new PlatformClient(null);
    }

    static PlatformClient as(String token) {
        return new PlatformClient(token);
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** A file (CSV, FEC, PDF as text): any format accepted. */
    HttpResponse<String> download(URI uri) throws IOException, InterruptedException {
        return download(uri, "*/*");
    }

    /** A file in the format {@code accept} names (an export). */
    HttpResponse<String> download(URI uri, String accept) throws IOException, InterruptedException {
        return http.send(fileRequest(uri, accept), HttpResponse.BodyHandlers.ofString());
    }

    /** A binary file (a PDF) in the format {@code accept} names. */
    HttpResponse<byte[]> downloadBytes(URI uri, String accept) throws IOException, InterruptedException {
        return http.send(fileRequest(uri, accept), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest fileRequest(URI uri, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method, with a JSON body for writes and extra headers (name, value, …). */
    HttpResponse<String> send(String method, URI uri, String... headers) throws IOException, InterruptedException {
        boolean write = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, write
                ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (write) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    HttpResponse<String> put(URI uri, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.timeout(Duration.ofSeconds(30));
        if (request.build().headers().firstValue("Accept").isEmpty()) {
            request.header("Accept", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        trace(request);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
