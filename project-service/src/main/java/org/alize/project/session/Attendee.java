package org.alize.project.session;

/** A committee member as the session's attendance recorded them. */
public record Attendee(String personId, String name, String organisationId, String organisationKind, String seat,
        boolean voting) {
}
