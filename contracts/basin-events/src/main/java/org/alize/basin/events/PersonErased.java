package org.alize.basin.events;

import java.time.Instant;

/**
 * A person of the basin was erased at their request (RGPD art. 17), on ASTREES' order. Their key in the platform's
 * vault is destroyed, so the personal data sealed in their earlier {@link PersonRecorded} and committee events no
 * longer opens; each service that copied them removes them from its stores. Ids only.
 */
public record PersonErased(String basinId, String personId, Instant erasedAt, String erasedBy) {
}
