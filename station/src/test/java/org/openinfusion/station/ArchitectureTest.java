package org.openinfusion.station;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The station's layering (docs/architecture.md, "Packages"): no package cycles; a clinical core and domain of plain
 * Java; adapters that stay in their lane; one package of command-line entry points.
 */
@AnalyzeClasses(packages = "org.openinfusion.station", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String STATION = "org.openinfusion.station";
    /** The rules of the clinical study: records and pure functions, a Clock injected, no I/O library. */
    private static final String[] CORE = {STATION + ".domain", STATION + ".clinical.protocol", STATION + ".clinical.dose",
        STATION + ".clinical.infusion", STATION + ".clinical.session", STATION + ".clinical.schedule",
        STATION + ".clinical.alarm", STATION + ".clinical.rating", STATION + ".clinical.blinding",
        STATION + ".clinical.history", STATION + ".clinical.visit"};
    /** The clinical application around the core: bedside messages, review, exports, the ports they read through. */
    private static final String[] CLINICAL_APPLICATION = {STATION + ".clinical.api", STATION + ".clinical.review",
        STATION + ".clinical.export", STATION + ".clinical.port", STATION + ".clinical.audit"};
    private static final String[] FRAMEWORKS = {"io.vertx..", "com.fasterxml..", "com.vaadin..", "org.influxdb..",
        "org.eclipse.paho..", "com.fazecast..", "com.hivemq..", "okhttp3..", "picocli.."};
    private static final String[] TRANSPORTS = {"io.vertx..", "com.fazecast..", "org.eclipse.paho..", "com.hivemq..",
        STATION + ".device.serial..", STATION + ".device.mqtt..", STATION + ".bus..", STATION + ".storage..",
        STATION + ".health.."};

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching(STATION + ".(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theClinicalCoreAndDomainUseNoFramework = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("the study's rules are plain Java: files, the bus and the stores are wired around them");

    @ArchTest
    static final ArchRule theClinicalCoreDependsOnlyOnItselfAndTheDomain = classes().that().resideInAnyPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(CORE, "java.."));

    @ArchTest
    static final ArchRule theClinicalApplicationUsesNoBusNorStoreLibrary = noClasses().that()
            .resideInAnyPackage(CLINICAL_APPLICATION).should().dependOnClassesThat()
            .resideInAnyPackage("io.vertx..", "com.vaadin..", "org.influxdb..", "org.eclipse.paho..", "com.fazecast..")
            .because("verticles and bus handlers live in clinical.bus and clinical.service; Jackson is allowed where "
                    + "JSON is the file format (clinical.audit, the JSON exports)");

    @ArchTest
    static final ArchRule aDeviceProtocolKnowsNoOtherProtocolNorTransport = noClasses().that()
            .resideInAnyPackage(STATION + ".device.s5..", STATION + ".device.asena..").should().dependOnClassesThat()
            .resideInAnyPackage(TRANSPORTS)
            .because("a protocol package is a pure codec and its session over the DeviceSession port; the transport "
                    + "owns threads, links and the bus");

    @ArchTest
    static final ArchRule deviceProtocolsAndTransportsDoNotImportEachOther = slices().matching(STATION + ".device.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule commandLineEntryPointsLiveInCli = methods().that().haveName("main").and().areStatic()
            .should().beDeclaredInClassesThat().resideInAPackage(STATION + ".cli");

    @ArchTest
    static final ArchRule nothingDependsOnTheEntryPoints = noClasses().that().resideOutsideOfPackage(STATION + ".cli")
            .should().dependOnClassesThat().resideInAPackage(STATION + ".cli");

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
