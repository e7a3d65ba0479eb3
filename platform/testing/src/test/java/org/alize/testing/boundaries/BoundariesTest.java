package org.alize.testing.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.alize.testing.Boundaries;
import org.junit.jupiter.api.Test;

/** The services' boundary checks fail on what they are meant to catch, shown on small fixtures. */
class BoundariesTest {

    @Test
    void a_cycle_between_two_feature_packages_is_a_violation_that_names_both() {
        String root = "org.alize.boundaryfixtures.cycle";
        JavaClasses classes = new ClassFileImporter().importPackages(root);

        List<EvaluationResult> results = Boundaries.evaluate(root, classes);

        assertThat(results).filteredOn(EvaluationResult::hasViolation).hasSize(1).first()
                .satisfies(result -> assertThat(result.getFailureReport().toString()).contains("Cycle detected")
                        .contains("feature « orders »").contains("feature « invoices »"));
    }

    @Test
    void features_that_depend_one_way_pass() {
        String root = "org.alize.boundaryfixtures.clean";
        JavaClasses classes = new ClassFileImporter().importPackages(root);

        assertThat(Boundaries.evaluate(root, classes)).noneMatch(EvaluationResult::hasViolation);
    }
}
