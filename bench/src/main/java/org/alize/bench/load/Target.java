package org.alize.bench.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/** What a simulation runs against, handed over by the harness in system properties ({@code alize.load.*}). */
record Target(String gateway, String projects, String reporting, String token, String basin, String partner, int rate,
        int seconds, int connections, String route, String via) {

    static final String PREFIX = "alize.load.";

    static Target fromSystemProperties() {
        return new Target(get("gateway"), get("projects"), get("reporting"), get("token"), get("basin"),
                System.getProperty(PREFIX + "partner", ""), Integer.getInteger(PREFIX + "rate", 10),
                Integer.getInteger(PREFIX + "seconds", 20), Integer.getInteger(PREFIX + "connections", 1),
                System.getProperty(PREFIX + "route", "projects"), System.getProperty(PREFIX + "via", "gateway"));
    }

    private static String get(String name) {
        String value = System.getProperty(PREFIX + name);
        if (value == null) {
            throw new IllegalStateException("system property " + PREFIX + name + " is not set");
        }
        return value;
    }

    String basinPath(String path) {
        return "/api/basins/" + basin + path;
    }

    /** The route a saturation run reads, on the gateway or on its own service. */
    String routeUrl() {
        boolean gatewayWay = via.equals("gateway");
        return switch (route) {
            case "indicators" -> (gatewayWay ? gateway : reporting) + basinPath("/indicators/series");
            default -> (gatewayWay ? gateway : projects) + basinPath("/projects");
        };
    }

    HttpProtocolBuilder protocol() {
        return http.acceptHeader("application/json").authorizationHeader("Bearer " + token)
                .userAgentHeader("alize-load-harness").disableCaching().warmUp(gateway + "/actuator/health");
    }
}
