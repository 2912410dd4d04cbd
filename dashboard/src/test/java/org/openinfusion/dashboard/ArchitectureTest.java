package org.openinfusion.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's shape: its packages form no cycle (views reach each other by route, {@link Routes}), and it talks to
 * the station only through the bus and the records carried on it, never through the station's storage or device
 * packages.
 */
class ArchitectureTest {
    private static JavaClasses dashboard;

    @BeforeAll
    static void importDashboard() {
        dashboard = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openinfusion.dashboard");
    }

    /** Every package of the dashboard, the root package included, is one slice. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.openinfusion.(**)").namingSlices("$1")
            .should().beFreeOfCycles();

    /** Storage and device packages are the station's inside (the device health snapshot lives in station.domain). */
    static final ArchRule NO_STORAGE_OR_DEVICE = noClasses().that().resideInAPackage("org.openinfusion.dashboard..")
            .should().dependOnClassesThat(DescribedPredicate.describe(
                    "are in the station's storage or device packages",
                    (JavaClass c) -> c.getPackageName().startsWith("org.openinfusion.station.storage")
                            || c.getPackageName().startsWith("org.openinfusion.station.device")));

    @Test
    void theDashboardPackagesFormNoCycle() {
        NO_PACKAGE_CYCLES.check(dashboard);
    }

    @Test
    void theDashboardNeverUsesTheStationsStorageOrDevicePackages() {
        NO_STORAGE_OR_DEVICE.check(dashboard);
    }
}
