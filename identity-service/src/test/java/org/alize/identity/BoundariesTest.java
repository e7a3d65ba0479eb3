package org.alize.identity;

import org.alize.testing.Boundaries;
import org.junit.jupiter.api.Test;

/** STYLE.md's package rules on this service's production classes (see {@link Boundaries}). */
class BoundariesTest {

    @Test
    void features_have_no_cycles_controllers_only_translate_and_aggregates_stay_domain() {
        Boundaries.verify("org.alize.identity");
    }
}
