package org.alize.reporting.indicator;

/**
 * One complete set of read models (facts, indicators, freshness). The first generation, {@code g0}, uses the
 * plain collection names; a rebuild writes {@code g<n>_<name>} beside it and the views switch to it once it
 * has caught up with the topics.
 */
public record Generation(int number) {

    public static final Generation FIRST = new Generation(0);
    public static final String INDICATORS = "indicators";
    public static final String FRESHNESS = "freshness";
    public static final String CONVENTION_INDICATORS = "convention_indicators";

    public String collection(String base) {
        return number == 0 ? base : "g" + number + "_" + base;
    }

    public String indicators() {
        return collection(INDICATORS);
    }

    /** One document per basin and partnership convention: its figures over the convention's own term. */
    public String conventionIndicators() {
        return collection(CONVENTION_INDICATORS);
    }

    public String freshness() {
        return collection(FRESHNESS);
    }

    public Generation next() {
        return new Generation(number + 1);
    }

    @Override
    public String toString() {
        return "g" + number;
    }
}
