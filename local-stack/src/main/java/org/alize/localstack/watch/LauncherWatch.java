package org.alize.localstack.watch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;

/**
 * A Java agent the local stack starts every service with ({@code -javaagent:local-stack-watch.jar}): the service
 * stops when its launcher is gone. The launcher holds the write end of each service's standard input; when the
 * launcher dies, however it dies ({@code kill -9}, a test JVM cut by its runner), the pipe closes, the read
 * below ends, and the service exits normally (its shutdown hooks run). Without it, services outlived a killed
 * launcher and kept their ports, memory and CPU for good.
 */
public final class LauncherWatch {

    private LauncherWatch() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        Thread watch = new Thread(() -> {
            try (InputStream launcher = System.in) {
                while (launcher.read() != -1) {
                    // the launcher writes nothing: anything read is ignored, the end of the stream is what counts
                }
            } catch (IOException e) {
                // the pipe broke: the launcher is gone all the same
            }
            System.err.println("[launcher-watch] the launcher is gone: stopping");
            System.exit(0);
        }, "alize-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
