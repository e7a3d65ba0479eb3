package org.alize.basin.committee;

/**
 * The facts about a person the committee rules need, looked up by the service when the person is
 * appointed: whom they represent and whether they are in activity.
 *
 * @param organisationKind kind of the organisation represented, or {@code null} for ASTREES / the prefecture
 * @param affiliation      {@code ORGANISATION}, {@code ASTREES} or {@code PREFECTURE}
 */
public record Member(String personId, String name, String affiliation, String organisationId, String organisationName,
        String organisationKind, boolean inActivity) {
}
