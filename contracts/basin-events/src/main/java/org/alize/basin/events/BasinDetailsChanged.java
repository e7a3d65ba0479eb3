package org.alize.basin.events;

import java.time.Instant;
import java.util.List;

/**
 * ASTREES corrected a basin's registry entry (name, region, perimeter, priority criteria, description).
 * Carries the whole entry as it now stands.
 */
public record BasinDetailsChanged(String basinId, String name, String region, List<BasinRegistered.Commune> communes,
        List<String> priorityCriteria, String description, Instant changedAt, String changedBy) {
}
