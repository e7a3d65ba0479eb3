package org.alize.project.project;

import java.util.ArrayList;
import java.util.List;

/** The committee's decisions on a project, in order: its approval, and those on new interventions. */
public final class Decisions {

    private List<Decision> decisions = new ArrayList<>();

    Decisions() {
    }

    void add(Decision decision) {
        decisions.add(decision);
    }

    /** The decision that approved the project (not a later one on a new intervention). */
    public Decision approval() {
        return decisions.stream().filter(d -> d.outcome() == Decision.Outcome.APPROVED && !d.newIntervention())
                .reduce((a, b) -> b).orElseThrow();
    }

    public List<Decision> all() {
        return List.copyOf(decisions);
    }
}
