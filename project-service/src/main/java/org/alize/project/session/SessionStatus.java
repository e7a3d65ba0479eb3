package org.alize.project.session;

/** SCHEDULED → HELD (attendance with quorum) → CLOSED (every item decided) → VALIDATED; or CANCELLED. */
public enum SessionStatus {
    SCHEDULED("prévue"), HELD("tenue"), CLOSED("close"), VALIDATED("validée par le comité local de pilotage"),
    CANCELLED("annulée");

    private final String label;

    SessionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
