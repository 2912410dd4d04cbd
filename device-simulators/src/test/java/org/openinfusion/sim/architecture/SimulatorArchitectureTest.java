package org.openinfusion.sim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The simulators are written independently of the station (device-protocols.md: a decoder shared
 * between the two would let a shared bug cancel itself out in tests), and their packages form no cycle.
 */
class SimulatorArchitectureTest {

    private static final JavaClasses SIMULATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openinfusion.sim");

    /** No simulator class uses station code. */
    static final ArchRule NO_STATION_CODE = noClasses().that().resideInAPackage("org.openinfusion.sim..")
            .should().dependOnClassesThat().resideInAPackage("org.openinfusion.station..")
            .because("the simulators must not share code with the station's decoders (device-protocols.md)");

    /** The simulator's packages depend on each other without a cycle. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.openinfusion.(**)").should().beFreeOfCycles();

    @Test
    void simulatorClassesNeverUseStationCode() {
        NO_STATION_CODE.check(SIMULATOR);
    }

    @Test
    void simulatorPackagesHaveNoCycles() {
        NO_PACKAGE_CYCLES.check(SIMULATOR);
    }
}
