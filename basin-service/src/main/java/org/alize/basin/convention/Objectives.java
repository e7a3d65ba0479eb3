package org.alize.basin.convention;

import org.alize.kernel.ProgrammeReferences;
import org.alize.kernel.problem.InvalidInput;

/**
 * The convention's quantitative objectives, by default the reference activity of a basin:
 * 6 to 10 committee sessions a year, about 15 projects examined and 12 approved, 75 jobs a year and
 * 225 over the convention. Editable, to be weighed against the local economy.
 */
public record Objectives(int sessionsPerYearMin, int sessionsPerYearMax, int projectsExaminedPerYear,
        int projectsApprovedPerYear, int jobsPerYear, int jobsOverConvention) {

    public static final Objectives REFERENCE = new Objectives(ProgrammeReferences.R41_SESSIONS_PER_YEAR_MIN,
            ProgrammeReferences.R41_SESSIONS_PER_YEAR_MAX, ProgrammeReferences.R41_PROJECTS_EXAMINED_PER_YEAR,
            ProgrammeReferences.R41_PROJECTS_APPROVED_PER_YEAR, ProgrammeReferences.R41_JOBS_PER_YEAR,
            ProgrammeReferences.R41_JOBS_PER_CONVENTION);

    public Objectives {
        if (sessionsPerYearMin < 0 || sessionsPerYearMax < sessionsPerYearMin || projectsExaminedPerYear < 0
                || projectsApprovedPerYear < 0 || jobsPerYear < 0 || jobsOverConvention < 0) {
            throw InvalidInput.field("objectives", "objectifs incohérents : valeurs positives, minimum de séances ≤ maximum");
        }
        if (projectsApprovedPerYear > projectsExaminedPerYear) {
            throw InvalidInput.field("objectives.projectsApprovedPerYear", "on n'agrée pas plus de projets qu'on n'en examine");
        }
    }
}
