package org.alize.localstack.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A service started with the watch agent stops once its launcher is gone (its standard input closed), not before. */
class LauncherWatchIT {

    /** What a service is to the agent: a JVM that would otherwise run for ever. */
    public static final class Forever {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void a_service_outlives_nothing_but_its_launcher() throws Exception {
        Path agent = Path.of("target", "local-stack-watch.jar").toAbsolutePath();
        assertThat(agent).exists();
        Process service = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent, "-cp", Path.of("target", "test-classes").toAbsolutePath().toString(),
                Forever.class.getName())).redirectErrorStream(true).start();
        try {
            assertThat(service.waitFor(3, TimeUnit.SECONDS)).as("running while its launcher holds the pipe").isFalse();

            long gone = System.nanoTime();
            service.getOutputStream().close(); // what the death of the launcher does to the pipe

            assertThat(service.waitFor(10, TimeUnit.SECONDS)).as("stopped once the launcher is gone").isTrue();
            assertThat(service.exitValue()).isZero();
            assertThat(new String(service.getInputStream().readAllBytes())).contains("the launcher is gone");
            System.out.printf("launcher watch: the service stopped %d ms after its launcher was gone%n",
                    (System.nanoTime() - gone) / 1_000_000);
        } finally {
            service.destroyForcibly();
        }
        assertThat(Files.exists(agent)).isTrue();
    }
}
