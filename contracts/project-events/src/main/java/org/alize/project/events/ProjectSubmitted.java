package org.alize.project.events;

import java.time.Instant;

/**
 * A prescriber brought an SME's job-creating project to the basin.
 *
 * @param projectId       the project's id in its basin
 * @param basinId         the basin, also the record key
 * @param companyName     the SME's name
 * @param siret           the SME's SIRET (14 digits), absent for a creation not yet registered
 * @param beneficiaryType by priority: {@code EXISTING_SME_DEVELOPMENT}, {@code BUSINESS_TAKEOVER},
 *                        {@code STRUCTURING_PROJECT}, {@code SME_POTENTIAL_CREATION}
 * @param forecastJobs    jobs forecast at 3 years
 * @param prescriberId    the committee member who brings it
 * @param submittedAt     when, UTC
 * @param submittedBy     who (token subject)
 */
public record ProjectSubmitted(String projectId, String basinId, String companyName, String siret,
        String beneficiaryType, int forecastJobs, String prescriberId, Instant submittedAt, String submittedBy) {
}
