package org.alize.project.project;

import java.util.Arrays;
import java.util.List;

/** Where a project stands; each explicit action is allowed from some of these. */
public enum ProjectStatus {
    SUBMITTED("déposé"),
    IN_DIAGNOSIS("en diagnostic"),
    READY_FOR_COMMITTEE("prêt pour le comité"),
    APPROVED("agréé"),
    REJECTED("refusé"),
    CONVENTION_SIGNED("convention signée"),
    IN_FOLLOW_UP("en suivi"),
    CLOSED("clos"),
    ABANDONED("abandonné"),
    WITHDRAWN("retiré");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this != REJECTED && this != CLOSED && this != ABANDONED && this != WITHDRAWN;
    }

    public List<ProjectAction> allowedActions() {
        return Arrays.stream(ProjectAction.values()).filter(action -> action.allowedFrom().contains(this)).toList();
    }
}
