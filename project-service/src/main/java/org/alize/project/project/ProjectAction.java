package org.alize.project.project;

import java.util.EnumSet;
import java.util.Set;

import static org.alize.project.project.ProjectStatus.APPROVED;
import static org.alize.project.project.ProjectStatus.CONVENTION_SIGNED;
import static org.alize.project.project.ProjectStatus.IN_DIAGNOSIS;
import static org.alize.project.project.ProjectStatus.IN_FOLLOW_UP;
import static org.alize.project.project.ProjectStatus.READY_FOR_COMMITTEE;
import static org.alize.project.project.ProjectStatus.SUBMITTED;

/** The explicit actions on a project, with the states each is allowed from. */
public enum ProjectAction {
    START_DIAGNOSIS("start-diagnosis", "démarrer le diagnostic de", EnumSet.of(SUBMITTED)),
    RECORD_DIAGNOSIS("diagnosis", "enregistrer un diagnostic pour", EnumSet.of(IN_DIAGNOSIS)),
    MARK_READY("mark-ready", "présenter au comité", EnumSet.of(IN_DIAGNOSIS)),
    DECIDE("decide", "décider de", EnumSet.of(READY_FOR_COMMITTEE)),
    SIGN_CONVENTION("signatures", "signer la convention de", EnumSet.of(APPROVED)),
    START_FOLLOW_UP("start-follow-up", "démarrer le suivi de", EnumSet.of(CONVENTION_SIGNED)),
    REPORT("reports", "rendre compte de", EnumSet.of(CONVENTION_SIGNED, IN_FOLLOW_UP)),
    REPLACE_MANDATARY("mandatary", "remplacer le mandataire de", EnumSet.of(APPROVED, CONVENTION_SIGNED, IN_FOLLOW_UP)),
    CLOSE("close", "clore", EnumSet.of(IN_FOLLOW_UP)),
    ABANDON("abandon", "déclarer l'abandon de", EnumSet.of(APPROVED, CONVENTION_SIGNED, IN_FOLLOW_UP)),
    WITHDRAW("withdraw", "retirer", EnumSet.of(SUBMITTED, IN_DIAGNOSIS, READY_FOR_COMMITTEE, APPROVED, CONVENTION_SIGNED,
            IN_FOLLOW_UP));

    private final String path;
    private final String verb;
    private final Set<ProjectStatus> from;

    ProjectAction(String path, String verb, Set<ProjectStatus> from) {
        this.path = path;
        this.verb = verb;
        this.from = from;
    }

    public String path() {
        return path;
    }

    public String verb() {
        return verb;
    }

    public Set<ProjectStatus> allowedFrom() {
        return from;
    }
}
