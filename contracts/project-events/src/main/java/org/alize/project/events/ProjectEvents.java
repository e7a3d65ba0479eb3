package org.alize.project.events;

import java.util.Map;

/** The topic of project-service and its catalogue of event types ({@code ce_type} to record). */
public final class ProjectEvents {

    /** Key: the basin id. Retention: unlimited. */
    public static final String TOPIC = "alize.project.v1";
    public static final String DEAD_LETTER_TOPIC = TOPIC + "-dlt";

    public static final String PROJECT_SUBMITTED = "alize.project.ProjectSubmitted.v1";

    public static final Map<String, Class<?>> TYPES = Map.of(
            PROJECT_SUBMITTED, ProjectSubmitted.class);

    private ProjectEvents() {
    }
}
