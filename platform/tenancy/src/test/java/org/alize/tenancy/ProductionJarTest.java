package org.alize.tenancy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What every service runs with carries no test support: InBasin lives in this module's test jar. */
class ProductionJarTest {

    @Test
    void production_classes_depend_on_no_test_framework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.alize.testing..", "org.assertj..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.alize.tenancy"));
    }
}
