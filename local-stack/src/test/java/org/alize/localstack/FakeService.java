package org.alize.localstack;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service JVM in the launcher's tests: prints what the stack gave it and answers
 * {@code /actuator/health}; with {@code -Dfake.fail=true} it exits during start-up instead, with
 * {@code -Dfake.slow=true} it never answers (a start that is stopped midway).
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("mongo=" + System.getenv("SPRING_MONGODB_URI"));
        System.out.println("kafka=" + System.getenv("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
        System.out.println("issuer=" + System.getenv("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
        if (Boolean.getBoolean("fake.fail")) {
            System.out.println("démarrage impossible");
            System.exit(3);
        }
        if (Boolean.getBoolean("fake.slow")) {
            System.out.println("démarrage sans fin");
            Thread.currentThread().join(); // never healthy: the stack stops it
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("fake service up");
    }
}
