package org.alize.testing;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers here, asked once per JVM. */
public final class Docker {

    private static volatile Boolean available;

    private Docker() {
    }

    public static boolean isAvailable() {
        Boolean known = available;
        if (known == null) {
            synchronized (Docker.class) {
                if (available == null) {
                    available = probe();
                }
                known = available;
            }
        }
        return known;
    }

    private static boolean probe() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
