package org.alize.localstack;

/**
 * A service the stack runs: its name (also its log prefix), its Maven module (the jar is
 * {@code <module>/target/<module>.jar}), its default port and the environment variable that overrides it.
 */
public record ServiceSpec(String name, String module, int defaultPort) {

    public String portVariable() {
        return "ALIZE_" + name.toUpperCase().replace('-', '_') + "_PORT";
    }

    public String jarPath() {
        return module + "/target/" + module + ".jar";
    }
}
