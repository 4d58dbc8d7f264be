package duso;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering in STYLE.md, checked: lang depends on no other project layer; runtime only on
 * lang; store, server, client and sql on runtime and lang; only the CLI sees everything.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("duso");

    @Test
    void langDependsOnNothingElse() {
        noClasses().that().resideInAPackage("duso.lang..")
                .should().dependOnClassesThat().resideInAnyPackage("duso.runtime..", "duso.store..",
                        "duso.server..", "duso.client..", "duso.sql..", "duso.cli..")
                .check(CLASSES);
    }

    @Test
    void runtimeDependsOnlyOnLang() {
        noClasses().that().resideInAPackage("duso.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("duso.store..", "duso.server..",
                        "duso.client..", "duso.sql..", "duso.cli..")
                .check(CLASSES);
    }

    @Test
    void subsystemsDoNotReachTheCli() {
        noClasses().that().resideInAnyPackage("duso.store..", "duso.server..", "duso.client..", "duso.sql..")
                .should().dependOnClassesThat().resideInAPackage("duso.cli..")
                .check(CLASSES);
    }

    @Test
    void subsystemsAreIndependent() {
        noClasses().that().resideInAPackage("duso.store..")
                .should().dependOnClassesThat().resideInAnyPackage("duso.server..", "duso.client..")
                .allowEmptyShould(true)
                .check(CLASSES);
        noClasses().that().resideInAPackage("duso.client..")
                .should().dependOnClassesThat().resideInAnyPackage("duso.server..", "duso.store..")
                .allowEmptyShould(true)
                .check(CLASSES);
        noClasses().that().resideInAPackage("duso.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("duso.server..", "duso.store..", "duso.client..")
                .check(CLASSES);
    }

    @Test
    void langStagesHaveNoCycles() {
        slices().matching("duso.lang.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
