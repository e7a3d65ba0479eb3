package org.alize.basin.events;

import java.util.Map;

/** The topic of basin-service and its catalogue of event types ({@code ce_type} to record). */
public final class BasinEvents {

    /** Key: the basin id. Retention: unlimited. */
    public static final String TOPIC = "alize.basin.v1";
    public static final String DEAD_LETTER_TOPIC = TOPIC + "-dlt";

    public static final String BASIN_REGISTERED = "alize.basin.BasinRegistered.v1";
    public static final String BASIN_DETAILS_CHANGED = "alize.basin.BasinDetailsChanged.v1";
    public static final String BASIN_STATUS_CHANGED = "alize.basin.BasinStatusChanged.v1";
    public static final String ORGANISATION_RECORDED = "alize.basin.OrganisationRecorded.v1";
    public static final String BASIN_PURGED = "alize.basin.BasinPurged.v1";
    public static final String PERSON_RECORDED = "alize.basin.PersonRecorded.v1";
    public static final String PERSON_ERASED = "alize.basin.PersonErased.v1";
    public static final String LOCAL_OPERATOR_APPOINTED = "alize.basin.LocalOperatorAppointed.v1";
    public static final String PARTNERSHIP_CONVENTION_SIGNED = "alize.basin.PartnershipConventionSigned.v1";
    public static final String APPROVAL_COMMITTEE_CHANGED = "alize.basin.ApprovalCommitteeChanged.v1";
    public static final String STEERING_COMMITTEE_CHANGED = "alize.basin.SteeringCommitteeChanged.v1";
    public static final String SUPPORT_SCHEME_RECORDED = "alize.basin.SupportSchemeRecorded.v1";
    public static final String NETWORK_MEETING_HELD = "alize.basin.NetworkMeetingHeld.v1";
    public static final String NETWORK_MEETING_PLANNED = "alize.basin.NetworkMeetingPlanned.v1";
    public static final String NETWORK_MEETING_CANCELLED = "alize.basin.NetworkMeetingCancelled.v1";
    public static final String STEERING_COMMITTEE_DECIDED = "alize.basin.SteeringCommitteeDecided.v1";

    public static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry(BASIN_REGISTERED, BasinRegistered.class),
            Map.entry(BASIN_DETAILS_CHANGED, BasinDetailsChanged.class),
            Map.entry(BASIN_STATUS_CHANGED, BasinStatusChanged.class),
            Map.entry(ORGANISATION_RECORDED, OrganisationRecorded.class),
            Map.entry(BASIN_PURGED, BasinPurged.class),
            Map.entry(PERSON_RECORDED, PersonRecorded.class),
            Map.entry(PERSON_ERASED, PersonErased.class),
            Map.entry(LOCAL_OPERATOR_APPOINTED, LocalOperatorAppointed.class),
            Map.entry(PARTNERSHIP_CONVENTION_SIGNED, PartnershipConventionSigned.class),
            Map.entry(APPROVAL_COMMITTEE_CHANGED, ApprovalCommitteeChanged.class),
            Map.entry(STEERING_COMMITTEE_CHANGED, SteeringCommitteeChanged.class),
            Map.entry(SUPPORT_SCHEME_RECORDED, SupportSchemeRecorded.class),
            Map.entry(NETWORK_MEETING_HELD, NetworkMeetingHeld.class),
            Map.entry(NETWORK_MEETING_PLANNED, NetworkMeetingPlanned.class),
            Map.entry(NETWORK_MEETING_CANCELLED, NetworkMeetingCancelled.class),
            Map.entry(STEERING_COMMITTEE_DECIDED, SteeringCommitteeDecided.class));

    private BasinEvents() {
    }
}
