package org.alize.basin.events;

import java.time.Instant;

/**
 * A person of the basin as they now stand, published when recorded or changed (latest by
 * {@code ce_sequence} wins). Identity-service invites them by e-mail; project-service needs who
 * represents which organisation and who is in activity. The names, address, phone and job title are sealed
 * with the person's key ({@code pd1:…}, see {@code org.alize.tenancy.personal.PersonalData}): the topic keeps them
 * forever, an erasure ({@link PersonErased}) destroys the key.
 *
 * @param organisationId the organisation represented, absent for an ASTREES or prefecture representative
 * @param affiliation    {@code ORGANISATION}, {@code ASTREES} or {@code PREFECTURE}
 * @param inActivity     whether they are in activity in their organisation
 */
public record PersonRecorded(String basinId, String personId, String firstName, String lastName, String email,
        String phone, String organisationId, String affiliation, String jobTitle, boolean inActivity,
        Instant recordedAt, String recordedBy) {
}
