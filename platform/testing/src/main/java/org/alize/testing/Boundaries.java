package org.alize.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The package rules of STYLE.md, checked on a service's production classes: packages are features of the domain
 * and none reaches back into another that depends on it (no cycle); controllers are where requests enter and
 * nothing depends on them; aggregates (the {@code @Document} classes) hold behaviour and state, not the web, the
 * broker, a template or the request's basin thread-local, which the layers around them resolve; roles are declared
 * on handlers, not checked in their bodies; production code never reaches test support.
 */
public final class Boundaries {

    private static final String DOCUMENT = "org.springframework.data.mongodb.core.mapping.Document";
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String CONTROLLER = "org.springframework.stereotype.Controller";

    private Boundaries() {
    }

    /** The rules for the service whose classes live under {@code servicePackage} ({@code org.alize.finance}). */
    public static List<ArchRule> rules(String servicePackage) {
        return List.of(
                slices().matching(servicePackage + ".(*)..").namingSlices("feature « $1 »").should().beFreeOfCycles()
                        .because("a feature package is read and changed on its own (STYLE.md: packages are features)"),
                noClasses().that().areNotAnnotatedWith(REST_CONTROLLER).and().areNotAnnotatedWith(CONTROLLER)
                        .should().dependOnClassesThat().areAnnotatedWith(REST_CONTROLLER)
                        .because("controllers only translate requests: nothing is built on them").allowEmptyShould(true),
                noClasses().that().areAnnotatedWith(DOCUMENT).should().dependOnClassesThat()
                        .resideInAnyPackage("org.springframework.web..", "org.springframework.kafka..", "jakarta.servlet..",
                                "org.springframework.data.mongodb.core")
                        .because("an aggregate holds the domain's behaviour; requests, records and queries are its callers' business")
                        .allowEmptyShould(true),
                noClasses().that().areAnnotatedWith(DOCUMENT).should().dependOnClassesThat()
                        .haveFullyQualifiedName("org.alize.tenancy.BasinContext")
                        .because("the domain receives its basin as a value (from its factory's caller, or the platform when "
                                + "it is read); the request's thread-local is the edge's").allowEmptyShould(true),
                noClasses().should().callMethodWhere(DescribedPredicate.describe("a role check of CurrentGrants",
                                (JavaMethodCall call) -> call.getTargetOwner().getFullName().equals("org.alize.tenancy.web.CurrentGrants")
                                        && call.getName().startsWith("require")))
                        .because("a handler declares its roles (@RequiresBasinRole, @RequiresNetworkRole): they read on its "
                                + "signature and are checked before its body is read").allowEmptyShould(true),
                noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.alize.testing..")
                        .because("test support stays out of production jars").allowEmptyShould(true));
    }

    /** The classes of {@code servicePackage} from the compiled production code (tests left out). */
    public static JavaClasses production(String servicePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(servicePackage);
    }

    /** Every rule evaluated on {@code classes}; each result says what breaks it. */
    public static List<EvaluationResult> evaluate(String servicePackage, JavaClasses classes) {
        return rules(servicePackage).stream().map(rule -> rule.evaluate(classes)).toList();
    }

    /** Fails with every violation of every rule, named. */
    public static void verify(String servicePackage) {
        JavaClasses classes = production(servicePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no production class under " + servicePackage + ": nothing was checked");
        }
        List<String> violations = evaluate(servicePackage, classes).stream().filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString()).toList();
        if (!violations.isEmpty()) {
            throw new AssertionError(String.join("\n\n", violations));
        }
    }
}
