package org.alize.basin.convention;

import java.time.LocalDate;

import org.alize.basin.organisation.OrganisationKind;

/** A partner's signature of the convention: which organisation, by whom, on which date. */
public record Signature(String organisationId, String organisationName, OrganisationKind organisationKind,
        String signatory, LocalDate signedOn) {
}
