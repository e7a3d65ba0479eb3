package org.alize.basin.events;

import java.time.Instant;
import java.util.List;

/**
 * An organisation of the basin as it now stands, published when it joins, changes or withdraws (the
 * latest by {@code ce_sequence} wins). Project-service reads partner companies and their skills;
 * finance and reporting read the resource category.
 *
 * @param kind             {@code PARTNER_COMPANY}, {@code ASSOCIATED_PARTNER}, {@code PUBLIC_FUNDER}, {@code OPERATOR_BODY}
 * @param sizeClass        for a company: {@code MICRO}, {@code SME}, {@code MID_CAP}, {@code LARGE}
 * @param associatedKind   for an associated partner: {@code CHAMBER}, {@code DEVELOPMENT_AGENCY}, …
 * @param funderKind       for a public funder: {@code LOCAL_AUTHORITY}, {@code STATE_SERVICE}, {@code CAISSE_DES_DEPOTS}
 * @param resourceCategory R-13: {@code COMPANIES}, {@code TERRITORIAL_ACTORS}, {@code LOCAL_AUTHORITIES}, {@code STATE_AND_CDC}
 * @param active           false once it has withdrawn from the partnership
 */
public record OrganisationRecorded(String basinId, String organisationId, String kind, String name, String siret,
        String nafCode, String sizeClass, String associatedKind, String funderKind, String resourceCategory,
        List<Skill> skills, boolean active, Instant recordedAt, String recordedBy) {

    /** A skill a partner company can lend, with the days a year it indicates. */
    public record Skill(String domain, int indicativeDaysPerYear) {
    }
}
