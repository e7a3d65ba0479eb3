package org.alize.basin.convention;

import java.time.LocalDate;
import java.util.List;

/**
 * The convention between ASTREES and the local operator: signed with the partnership convention
 * and lasting as long.
 */
public record OperatorConvention(List<String> operatorOrganisationIds, String astreesSignatory, String operatorSignatory,
        LocalDate signedOn, LocalDate startsOn, LocalDate endsOn) {
}
