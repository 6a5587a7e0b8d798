package uk.assure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

/**
 * The house rules of docs/architecture.md: one package per feature, arrows pointing one way (from the features that
 * use others down to {@code system}), controllers beside their feature, nothing leaning on {@code demo} or
 * {@code cli}. A change that breaks one fails the build here, naming the class and the arrow.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.assure");

    /** The features, top to bottom; each may use those below it, never those above. */
    private static final String[] FEATURES = {"report", "importer", "plan", "partnership", "account", "audit"};

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("uk.assure.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void arrowsPointDownTheLayers() {
        ArchRule rule = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("cli")
                .definedBy("uk.assure.cli..")
                .layer("demo")
                .definedBy("uk.assure.demo..")
                .layer("backup")
                .definedBy("uk.assure.backup..")
                .layer("api")
                .definedBy("uk.assure.api..")
                .layer("report")
                .definedBy("uk.assure.report..")
                .layer("importer")
                .definedBy("uk.assure.importer..")
                .layer("plan")
                .definedBy("uk.assure.plan..")
                .layer("partnership")
                .definedBy("uk.assure.partnership..")
                .layer("account")
                .definedBy("uk.assure.account..")
                .layer("audit")
                .definedBy("uk.assure.audit..")
                .layer("web")
                .definedBy("uk.assure.web..")
                .layer("system")
                .definedBy("uk.assure.system..")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("demo")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("backup")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("api")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers("cli", "api")
                .whereLayer("importer")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("plan")
                .mayOnlyBeAccessedByLayers("cli", "demo", "api", "importer", "report")
                .whereLayer("partnership")
                .mayOnlyBeAccessedByLayers("cli", "demo", "api", "importer", "report", "plan")
                .whereLayer("account")
                .mayOnlyBeAccessedByLayers("cli", "demo", "api", "importer", "report", "plan", "partnership")
                .whereLayer("audit")
                .mayOnlyBeAccessedByLayers("cli", "demo", "api", "importer", "report", "plan", "partnership", "account")
                .whereLayer("web")
                .mayOnlyBeAccessedByLayers(
                        "cli", "demo", "api", "importer", "report", "plan", "partnership", "account");
        rule.check(MAIN);
    }

    @Test
    void systemDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("uk.assure.system..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "uk.assure.api..",
                        "uk.assure.cli..",
                        "uk.assure.demo..",
                        "uk.assure.web..",
                        "uk.assure.report..",
                        "uk.assure.importer..",
                        "uk.assure.plan..",
                        "uk.assure.partnership..",
                        "uk.assure.account..",
                        "uk.assure.audit..",
                        "uk.assure.backup..")
                .check(MAIN);
    }

    /** A backup is of the database as it is, beneath every feature: it knows tables, not plans. */
    @Test
    void backupDependsOnSystemOnly() {
        noClasses()
                .that()
                .resideInAPackage("uk.assure.backup..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "uk.assure.api..",
                        "uk.assure.cli..",
                        "uk.assure.demo..",
                        "uk.assure.web..",
                        "uk.assure.report..",
                        "uk.assure.importer..",
                        "uk.assure.plan..",
                        "uk.assure.partnership..",
                        "uk.assure.account..",
                        "uk.assure.audit..")
                .check(MAIN);
    }

    @Test
    void auditDependsOnSystemOnly() {
        noClasses()
                .that()
                .resideInAPackage("uk.assure.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "uk.assure.api..",
                        "uk.assure.cli..",
                        "uk.assure.demo..",
                        "uk.assure.web..",
                        "uk.assure.report..",
                        "uk.assure.importer..",
                        "uk.assure.plan..",
                        "uk.assure.partnership..",
                        "uk.assure.account..")
                .check(MAIN);
    }

    @Test
    void webKeepsOnlyWhatEveryPageSharesAndKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("uk.assure.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features())
                .check(MAIN);
    }

    @Test
    void nothingDependsOnDemoOrCli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("uk.assure.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("uk.assure.demo..")
                .check(MAIN);
        noClasses()
                .that()
                .resideOutsideOfPackage("uk.assure.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("uk.assure.cli..")
                .check(MAIN);
    }

    @Test
    void controllersLiveBesideTheirFeature() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAnyPackage(features())
                .check(MAIN);
    }

    @Test
    void controllersAndAdviceArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(ControllerAdvice.class)
                .should()
                .notBePublic()
                .check(MAIN);
    }

    private static String[] features() {
        String[] packages = new String[FEATURES.length];
        for (int i = 0; i < FEATURES.length; i++) {
            packages[i] = "uk.assure." + FEATURES[i] + "..";
        }
        return packages;
    }
}
