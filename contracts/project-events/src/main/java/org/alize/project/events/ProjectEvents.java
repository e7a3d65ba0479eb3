package org.alize.project.events;

import java.util.Map;

/** The topic of project-service and its catalogue of event types ({@code ce_type} to record). */
public final class ProjectEvents {

    /** Key: the basin id. Retention: unlimited. */
    public static final String TOPIC = "alize.project.v1";
    public static final String DEAD_LETTER_TOPIC = TOPIC + "-dlt";

    public static final String PROJECT_SUBMITTED = "alize.project.ProjectSubmitted.v1";
    public static final String PROJECT_STATUS_CHANGED = "alize.project.ProjectStatusChanged.v1";
    public static final String PROJECT_DECIDED = "alize.project.ProjectDecided.v1";
    public static final String COMMITTEE_SESSION_HELD = "alize.project.CommitteeSessionHeld.v1";
    public static final String COMMITTEE_SESSION_CONVENED = "alize.project.CommitteeSessionConvened.v1";
    public static final String SESSION_DECISIONS_VALIDATED = "alize.project.SessionDecisionsValidated.v1";
    public static final String COOPERATION_CONVENTION_SIGNED = "alize.project.CooperationConventionSigned.v1";
    public static final String SKILLS_DELIVERED = "alize.project.SkillsDelivered.v1";
    public static final String FOLLOW_UP_REPORT_FILED = "alize.project.FollowUpReportFiled.v1";

    public static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry(PROJECT_SUBMITTED, ProjectSubmitted.class),
            Map.entry(PROJECT_STATUS_CHANGED, ProjectStatusChanged.class),
            Map.entry(PROJECT_DECIDED, ProjectDecided.class),
            Map.entry(COMMITTEE_SESSION_HELD, CommitteeSessionHeld.class),
            Map.entry(COMMITTEE_SESSION_CONVENED, CommitteeSessionConvened.class),
            Map.entry(SESSION_DECISIONS_VALIDATED, SessionDecisionsValidated.class),
            Map.entry(COOPERATION_CONVENTION_SIGNED, CooperationConventionSigned.class),
            Map.entry(SKILLS_DELIVERED, SkillsDelivered.class),
            Map.entry(FOLLOW_UP_REPORT_FILED, FollowUpReportFiled.class));

    private ProjectEvents() {
    }
}
