package org.alize.basin.registry;

import java.util.List;

/** The lifecycle of a basin in the network, and what may be done from each state. */
public enum BasinStatus {
    PROPOSED(List.of(BasinAction.VALIDATE, BasinAction.CLOSE)),
    VALIDATED(List.of(BasinAction.ACTIVATE, BasinAction.CLOSE)),
    ACTIVE(List.of(BasinAction.SUSPEND, BasinAction.CLOSE)),
    SUSPENDED(List.of(BasinAction.ACTIVATE, BasinAction.CLOSE)),
    CLOSED(List.of());

    private final List<BasinAction> allowed;

    BasinStatus(List<BasinAction> allowed) {
        this.allowed = allowed;
    }

    public List<BasinAction> allowedActions() {
        return allowed;
    }

    public String label() {
        return switch (this) {
            case PROPOSED -> "proposé";
            case VALIDATED -> "validé";
            case ACTIVE -> "actif";
            case SUSPENDED -> "suspendu";
            case CLOSED -> "clos";
        };
    }
}
