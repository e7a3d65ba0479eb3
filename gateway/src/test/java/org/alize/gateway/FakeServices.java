package org.alize.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Stand-ins for the four services: each answers with its name, the path and query it received and the request
 * headers, as JSON; a path ending in {@code /slow} answers after 5 s. One can be stopped and started again on
 * the same port.
 */
final class FakeServices {

    /** Every service the gateway routes to (the console too), as alize.services.<name>.url names them. */
    static final String[] ROUTED = {"basin", "project", "finance", "reporting", "identity", "notification", "console"};

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, HttpServer> servers = new LinkedHashMap<>();

    FakeServices(String... names) {
        for (String name : names) {
            ports.put(name, start(name, 0).getAddress().getPort());
        }
    }

    String url(String name) {
        return "http://localhost:" + ports.get(name);
    }

    void stop(String name) {
        servers.remove(name).stop(0);
    }

    void restart(String name) {
        start(name, ports.get(name));
    }

    private HttpServer start(String name, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                exchange.getRequestBody().readAllBytes();
                StringBuilder headers = new StringBuilder();
                exchange.getRequestHeaders().forEach((key, values) -> headers.append(headers.isEmpty() ? "" : ",")
                        .append('"').append(key.toLowerCase()).append("\":\"")
                        .append(String.join(";", values).replace("\"", "'")).append('"'));
                byte[] body = ("{\"service\":\"" + name + "\",\"uri\":\"" + exchange.getRequestURI() + "\",\"headers\":{"
                        + headers + "}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            servers.put(name, server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
