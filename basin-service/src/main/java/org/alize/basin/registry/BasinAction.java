package org.alize.basin.registry;

/** The explicit lifecycle actions on a basin; each has its own endpoint. */
public enum BasinAction {
    VALIDATE("validate", "valider"),
    ACTIVATE("activate", "activer"),
    SUSPEND("suspend", "suspendre"),
    CLOSE("close", "clore");

    private final String path;
    private final String verb;

    BasinAction(String path, String verb) {
        this.path = path;
        this.verb = verb;
    }

    public String path() {
        return path;
    }

    public String verb() {
        return verb;
    }
}
