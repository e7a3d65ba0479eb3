package org.alize.reporting.indicator;

/**
 * The store the indicators are computed from: the names of the fact collections, all in {@code reporting_network},
 * each document keyed {@code <basin>/<id>}. Intake writes them, the indicators and the rebuild read them.
 */
public final class Facts {

    /** The field every fact names its basin by (queried: a basin's facts, its indicators). */
    public static final String BASIN_ID = "basinId";

    public static final String BASINS = "fact_basins";
    public static final String PROJECTS = "fact_projects";
    public static final String SESSIONS = "fact_sessions";
    public static final String MEETINGS = "fact_meetings";
    public static final String CONVENTIONS = "fact_conventions";
    public static final String ADVANCES = "fact_advances";
    public static final String MONEY = "fact_money";

    public static final java.util.List<String> ALL = java.util.List.of(BASINS, PROJECTS, SESSIONS, MEETINGS, CONVENTIONS,
            ADVANCES, MONEY);

    private Facts() {
    }

    public static String key(String basin, String id) {
        return basin + "/" + id;
    }
}
