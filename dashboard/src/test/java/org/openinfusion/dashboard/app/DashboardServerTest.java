package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's narrowed annotation scan (docs/performance.md, "Start-up"): every jar of the class path that carries
 * something Jetty or Vaadin look for is scanned, the heavy libraries of the data path are not.
 */
class DashboardServerTest {
    /** What a scanned jar may carry: web resources, Vaadin's classes (routes, {@code @HandlesTypes} targets), push. */
    private static boolean carriesWebParts(ZipEntry e) {
        String n = e.getName();
        return n.startsWith("META-INF/resources/") && !e.isDirectory() || n.startsWith("META-INF/VAADIN/")
                || n.equals("META-INF/web-fragment.xml") || n.startsWith("com/vaadin/flow/") && n.endsWith(".class")
                || n.startsWith("org/atmosphere/") && n.endsWith(".class");
    }

    private static List<File> classPathJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(File::new)
                .filter(f -> f.getName().endsWith(".jar") && f.isFile()).toList();
    }

    private static boolean scanned(File jar) {
        return DashboardServer.SCANNED_PATTERN.matcher(jar.toURI().toString()).matches();
    }

    @Test
    void everyJarWithRoutesWebResourcesOrPushIsScanned() throws IOException {
        List<String> missed = new ArrayList<>();
        int withParts = 0;
        for (File jar : classPathJars()) {
            try (ZipFile zip = new ZipFile(jar)) {
                if (zip.stream().anyMatch(DashboardServerTest::carriesWebParts)) {
                    withParts++;
                    if (!scanned(jar)) {
                        missed.add(jar.getName());
                    }
                }
            }
        }
        assertTrue(withParts > 40, "the test class path holds Vaadin's jars (found " + withParts + " with web parts)");
        assertEquals(List.of(), missed, "jars with web parts the dashboard's scan would skip");
    }

    @Test
    void theDataPathsLibrariesAreNotScanned() {
        List<String> heavy = classPathJars().stream().map(File::getName)
                .filter(n -> n.startsWith("hapi-fhir-structures-r4") || n.startsWith("icu4j") || n.startsWith("rocksdbjni")
                        || n.startsWith("hivemq-community-edition") || n.startsWith("netty-") || n.startsWith("station-"))
                .toList();
        assertTrue(heavy.size() >= 5, "the class path holds the data path's libraries: " + heavy);
        classPathJars().stream().filter(j -> heavy.contains(j.getName()))
                .forEach(j -> assertFalse(scanned(j), j.getName() + " is scanned"));
        assertTrue(classPathJars().stream().filter(DashboardServerTest::scanned).count() < classPathJars().size() / 2,
                "fewer than half the jars are scanned");
    }

    @Test
    void theDashboardsOwnClassesAreScannedFromTheBuildAndFromItsJar() {
        assertTrue(DashboardServer.SCANNED_PATTERN.matcher("file:/opt/station/lib/dashboard-0.1.0-SNAPSHOT.jar").matches());
        assertTrue(DashboardServer.SCANNED_PATTERN.matcher("file:/work/repo/dashboard/target/classes/").matches());
        assertTrue(DashboardServer.SCANNED_PATTERN.matcher("file:/root/.m2/repository/org/webjars/npm/uplot/1.6.30/uplot-1.6.30.jar")
                .matches());
        assertFalse(DashboardServer.SCANNED_PATTERN.matcher("file:/opt/station/lib/icu4j-77.1.jar").matches());
    }
}
