package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.Reading.amount;
import static org.alize.reporting.indicator.Reading.day;
import static org.alize.reporting.indicator.Reading.integer;
import static org.alize.reporting.indicator.Reading.map;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A partnership convention ({@link Facts#CONVENTIONS}, R-10… ): its term, the resources pledged by category,
 * the skills days pledged, and the objectives it states (0 where it states none: the programme's references apply).
 */
public record ConventionFact(@Nullable String conventionId, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
        Map<String, BigDecimal> resources,
        int skillsDaysPledged, int jobsPerYear, int jobsOverConvention, int sessionsPerYearMin, int sessionsPerYearMax,
        int projectsExaminedPerYear, int projectsApprovedPerYear) {

    public static final String CONVENTION_ID = "conventionId";
    public static final String STARTS_ON = "startsOn";
    public static final String ENDS_ON = "endsOn";
    /** Keyed by resource category, each with its {@code total} and {@code cash}. */
    public static final String CATEGORIES = "categories";
    public static final String CATEGORY_TOTAL = "total";
    public static final String CATEGORY_CASH = "cash";
    public static final String SKILLS_DAYS_PLEDGED = "skillsDaysPledged";
    public static final String JOBS_PER_YEAR = "jobsPerYear";
    public static final String JOBS_OVER_CONVENTION = "jobsOverConvention";
    public static final String SESSIONS_PER_YEAR_MIN = "sessionsPerYearMin";
    public static final String SESSIONS_PER_YEAR_MAX = "sessionsPerYearMax";
    public static final String PROJECTS_EXAMINED_PER_YEAR = "projectsExaminedPerYear";
    public static final String PROJECTS_APPROVED_PER_YEAR = "projectsApprovedPerYear";

    public ConventionFact {
        resources = Map.copyOf(resources);
    }

    public static ConventionFact read(Document d) {
        Map<String, BigDecimal> resources = new LinkedHashMap<>();
        map(d, CATEGORIES).forEach((category, totals) -> resources.put(category, amount(((Document) totals).get(CATEGORY_TOTAL))));
        return new ConventionFact(d.getString(CONVENTION_ID), day(d.get(STARTS_ON)), day(d.get(ENDS_ON)), resources,
                integer(d.get(SKILLS_DAYS_PLEDGED)), integer(d.get(JOBS_PER_YEAR)), integer(d.get(JOBS_OVER_CONVENTION)),
                integer(d.get(SESSIONS_PER_YEAR_MIN)), integer(d.get(SESSIONS_PER_YEAR_MAX)),
                integer(d.get(PROJECTS_EXAMINED_PER_YEAR)), integer(d.get(PROJECTS_APPROVED_PER_YEAR)));
    }

    /** The convention's term; only for a convention that has its dates (every signed one does, R-10). */
    public Span term() {
        return new Span(Objects.requireNonNull(startsOn, "a convention's start"), Objects.requireNonNull(endsOn, "its end"));
    }

    /** Whether the convention is in force on {@code day}. */
    public boolean covers(LocalDate day) {
        return startsOn != null && endsOn != null && term().contains(day);
    }
}
