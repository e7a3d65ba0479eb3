package org.alize.basin.events;

import java.time.Instant;

/**
 * A local support scheme of the basin's register as it now stands: PFIL, Réseau Entreprendre,
 * SPL… Project-service lets a project record which of them also support it.
 *
 * @param kind   {@code PFIL}, {@code RESEAU_ENTREPRENDRE}, {@code SPL}, {@code FRANCE_ACTIVE}, {@code BPIFRANCE}, {@code OTHER}
 * @param active false once the scheme no longer operates in the basin
 */
public record SupportSchemeRecorded(String basinId, String schemeId, String name, String kind, String description,
        boolean active, Instant recordedAt, String recordedBy) {
}
