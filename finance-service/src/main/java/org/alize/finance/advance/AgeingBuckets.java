package org.alize.finance.advance;

import java.util.ArrayList;
import java.util.List;

import org.alize.kernel.problem.InvalidInput;

/** Days-past-due buckets of the arrears report: upper bounds of all but the last ({@code [30, 90, 180]}). */
public record AgeingBuckets(List<Integer> upperBounds) {

    /** More buckets than this is no longer an ageing report but a list of days. */
    static final int MAX_BUCKETS = 10;
    /** Ten years past due: beyond it an instalment is a loss to write off, not an age to report. */
    static final int MAX_DAYS = 3_650;

    public AgeingBuckets {
        if (upperBounds == null || upperBounds.isEmpty()) {
            throw InvalidInput.field("upperBounds", "au moins une borne");
        }
        if (upperBounds.size() > MAX_BUCKETS) {
            throw InvalidInput.field("upperBounds", "au plus " + MAX_BUCKETS + " bornes");
        }
        int previous = 0;
        for (Integer bound : upperBounds) {
            if (bound == null || bound > MAX_DAYS) {
                throw InvalidInput.field("upperBounds", "des bornes d'au plus " + MAX_DAYS + " jours");
            }
            if (bound <= previous) {
                throw InvalidInput.field("upperBounds", "des bornes croissantes et positives");
            }
            previous = bound;
        }
        upperBounds = List.copyOf(upperBounds);
    }

    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        int from = 1;
        for (int bound : upperBounds) {
            labels.add(from + "–" + bound + " j");
            from = bound + 1;
        }
        labels.add("plus de " + upperBounds.get(upperBounds.size() - 1) + " j");
        return labels;
    }

    /** The label of the bucket of {@code days} past due (at least 1). */
    public String bucketOf(int days) {
        List<String> labels = labels();
        for (int i = 0; i < upperBounds.size(); i++) {
            if (days <= upperBounds.get(i)) {
                return labels.get(i);
            }
        }
        return labels.get(labels.size() - 1);
    }
}
