package org.alize.localstack;

import java.util.List;

/**
 * The services of the platform, started in this order. Adding a service to the local stack (and to
 * the system tests, which start the same stack) is one line here.
 */
public final class Services {

    /** The issuer: started first, every other service checks tokens against it. */
    public static final String IDENTITY = "identity";
    /** The web application, reached through the gateway at {@code /}. */
    public static final String CONSOLE = "console";

    /** Ports per DESIGN.md: gateway 8080, identity 9000, basin 8081, project 8082, finance 8083, reporting 8084; console 8085, notification 8086. */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec(IDENTITY, "identity-service", 9000),
            new ServiceSpec("basin", "basin-service", 8081),
            new ServiceSpec("project", "project-service", 8082),
            new ServiceSpec("finance", "finance-service", 8083),
            new ServiceSpec("reporting", "reporting-service", 8084),
            new ServiceSpec("notification", "notification-service", 8086),
            new ServiceSpec(CONSOLE, "console", 8085),
            new ServiceSpec("gateway", "gateway", 8080));

    private Services() {
    }
}
