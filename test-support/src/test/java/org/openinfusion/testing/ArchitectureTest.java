package org.openinfusion.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The test helpers are plain Java: every module's tests use them, the simulators' too (docs/architecture.md). */
class ArchitectureTest {
    @Test
    void theHelpersDependOnlyOnTheJdk() {
        classes().that().resideInAPackage("org.openinfusion.testing..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.openinfusion.testing..")
                .because("a helper that needed a project module or a library would tie every module's tests to it")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.openinfusion.testing"));
    }
}
