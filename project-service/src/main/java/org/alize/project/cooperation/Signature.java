package org.alize.project.cooperation;

import java.time.Instant;
import java.time.LocalDate;

/** A signature given: for which required party, by whom, on which date; recorded when and by whom. */
public record Signature(String key, SignatoryRole role, String party, String organisationId, String signatory,
        LocalDate signedOn, Instant recordedAt, String recordedBy) {
}
