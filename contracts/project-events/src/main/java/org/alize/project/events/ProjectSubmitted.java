package org.alize.project.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A prescriber brought an SME's job-creating project to the basin.
 *
 * @param projectId        the project's id in its basin
 * @param reference        its human reference in the basin, such as {@code 2026-007}
 * @param basinId          the basin, also the record key
 * @param companyName      the SME's name
 * @param siret            the SME's SIRET (14 digits), absent for a creation not yet registered
 * @param nafCode          its activity code, if known
 * @param beneficiaryType  by priority: {@code EXISTING_SME_DEVELOPMENT}, {@code BUSINESS_TAKEOVER},
 *                         {@code STRUCTURING_PROJECT}, {@code SME_POTENTIAL_CREATION}
 * @param forecastJobs     jobs forecast at 3 years
 * @param prescriberId     the committee member who brings it (a basin-service person id)
 * @param supportSchemeIds the other local support schemes also involved
 * @param submittedOn      the business date of the submission, which may be long before it was recorded (history
 *                         entered after the fact); absent from events published before it existed
 * @param submittedAt      when it was recorded, UTC
 * @param submittedBy      who (token subject)
 */
public record ProjectSubmitted(String projectId, String reference, String basinId, String companyName, String siret,
        String nafCode, String beneficiaryType, int forecastJobs, String prescriberId, List<String> supportSchemeIds,
        LocalDate submittedOn, Instant submittedAt, String submittedBy) {
}
