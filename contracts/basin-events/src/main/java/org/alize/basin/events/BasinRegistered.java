package org.alize.basin.events;

import java.time.Instant;
import java.util.List;

/**
 * ASTREES registered a basin: it exists in the network, awaiting the national steering
 * committee's validation.
 *
 * @param basinId          the basin's slug, also the record key
 * @param name             display name, e.g. « Bassin du Valenciennois »
 * @param region           administrative region, e.g. « Hauts-de-France »
 * @param communes         the perimeter, a free list of communes
 * @param priorityCriteria the priority criteria of R-01 it meets: {@code HEAVY_STRUCTURAL_HANDICAPS},
 *                         {@code FORESEEABLE_INDUSTRIAL_CHANGE}, {@code WEAK_ENDOGENOUS_DEVELOPMENT}
 * @param description      free text, may be absent
 * @param status           always {@code PROPOSED} for a new basin
 * @param registeredAt     when, UTC
 * @param registeredBy     who (token subject)
 */
public record BasinRegistered(String basinId, String name, String region, List<Commune> communes,
        List<String> priorityCriteria, String description, String status, Instant registeredAt, String registeredBy) {

    /** A commune by its INSEE code (5 characters, Corsica included) and name. */
    public record Commune(String inseeCode, String name) {
    }
}
