package org.openinfusion.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' class data sharing (bin/lib/common.sh: station_cds_kind, station_cds_file, station_cds_opts; used by
 * bin/station-demo and bin/benchmark startup): the dynamic archive by default, JDK 25's ahead-of-time cache with
 * STATION_CDS=aot (trained when missing or when the JDK or a jar of the class path changed), none with STATION_CDS=off.
 * Run in bash against JDK folders made here (their release file says the version; no JVM is started).
 */
class ClassSharingOptionsTest {
    private static final Path COMMON = Path.of("../bin/lib/common.sh").toAbsolutePath().normalize();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    @BeforeEach
    void jdksAndJars() throws IOException {
        for (String v : new String[] {"25.0.3", "21.0.5", "24"}) {
            Path jdk = Files.createDirectories(dir.resolve("jdk" + v.replaceAll("\\..*", "")));
            age(Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + v + "\"\n"), 3);
        }
        Files.createDirectories(dir.resolve("lib"));
        age(Files.writeString(dir.resolve("lib/a.jar"), "a"), 2);
        age(Files.writeString(dir.resolve("app.jar"), "app"), 2);
        Files.createDirectories(dir.resolve("data"));
    }

    private static Path age(Path file, int hoursAgo) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(hoursAgo, ChronoUnit.HOURS)));
        return file;
    }

    /** Runs {@code script} in bash in {@code dir} with common.sh sourced after {@code env}; its output, or its exit code and output. */
    private String bash(String env, String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "set -euo pipefail; . '" + COMMON + "'; " + env + " " + script)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + out;
    }

    private String opts(int major, String stationCds) throws Exception {
        return bash("export JAVA_HOME='" + dir.resolve("jdk" + major) + "' STATION_CDS='" + stationCds + "';",
                "f=$(station_cds_file data); echo \"$f|$(station_cds_opts \"$f\" 'app.jar:lib/*')\"");
    }

    @Test
    void byDefaultTheDynamicArchiveWhoseOptionsWriteAndUseIt() throws Exception {
        String dynamic = "data/station-classes.jsa|-XX:SharedArchiveFile=data/station-classes.jsa -XX:+AutoCreateSharedArchive "
                + "-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -Xlog:cds=off -Xlog:cds+dynamic=off";
        assertEquals(dynamic, opts(25, "on"));
        assertEquals(dynamic, opts(21, "on"));
        assertEquals(dynamic, opts(25, "dynamic"));
        Files.writeString(dir.resolve("data/station-classes.jsa"), "archive");
        assertEquals(dynamic, opts(25, "on"), "the same options write the archive and use it (the JVM checks it)");
        String asked = opts(21, "aot");
        assertTrue(asked.contains("needs JDK 25 or newer") && asked.endsWith(dynamic), asked);
        assertEquals(dynamic, opts(24, "aot").replaceAll("(?s)^.*\n", ""));
        assertEquals("|", opts(25, "off"));
        assertTrue(opts(25, "yes").startsWith("exit 2: error: STATION_CDS must be on, aot, dynamic or off"), opts(25, "yes"));
    }

    @Test
    void onJdk25TheAotCacheIsTrainedWhenMissingAndUsedOnceWritten() throws Exception {
        String first = opts(25, "aot");
        assertTrue(first.startsWith("data/station-classes.aot|-XX:AOTCacheOutput=data/station-classes.aot "), first);
        assertTrue(Files.isRegularFile(dir.resolve("data/station-classes.aot.key")), "what it is trained with");
        Files.writeString(dir.resolve("data/station-classes.aot"), "cache"); // the training JVM's stop wrote it
        String later = opts(25, "aot");
        assertTrue(later.startsWith("data/station-classes.aot|-XX:AOTCache=data/station-classes.aot "), later);
        // mapped where it was written, its log quiet
        assertTrue(later.contains("-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0") && later.contains("-Xlog:aot=off"), later);
    }

    /** JDK 25.0.0-25.0.3 used a cache's classes even after their jar was rebuilt (JDK-8377932): the launcher checks. */
    @Test
    void anotherJarOrJdkRemovesTheCacheAndTheStartTrainsAgain() throws Exception {
        Path cache = dir.resolve("data/station-classes.aot");
        opts(25, "aot");
        Files.writeString(cache, "cache");
        assertTrue(opts(25, "aot").contains("-XX:AOTCache="));
        // a new jar in the class path's folder, even one older than the cache
        age(Files.writeString(dir.resolve("lib/new.jar"), "new"), 5);
        assertTrue(opts(25, "aot").contains("-XX:AOTCacheOutput="));
        assertTrue(!Files.exists(cache), "the cache that no longer matches is removed");
        Files.writeString(cache, "cache");
        assertTrue(opts(25, "aot").contains("-XX:AOTCache="));
        // the application's jar rebuilt (same size, another time)
        Files.setLastModifiedTime(dir.resolve("app.jar"), FileTime.from(NOW.plusSeconds(60)));
        assertTrue(opts(25, "aot").contains("-XX:AOTCacheOutput="));
        Files.writeString(cache, "cache");
        assertTrue(opts(25, "aot").contains("-XX:AOTCache="));
        // the JDK updated in place
        Files.writeString(dir.resolve("jdk25/release"), "JAVA_VERSION=\"25.0.4\"\n");
        assertTrue(opts(25, "aot").contains("-XX:AOTCacheOutput="));
        // a training run whose stop did not write the cache: the next start trains again
        assertTrue(opts(25, "aot").contains("-XX:AOTCacheOutput="));
    }

    @Test
    void theBenchmarkChoosesTrainingOrUseItself() throws Exception {
        String env = "export JAVA_HOME='" + dir.resolve("jdk25") + "' STATION_CDS=aot;";
        assertTrue(bash(env, "station_cds_opts @ARCHIVE@ train").startsWith("-XX:AOTCacheOutput=@ARCHIVE@ "));
        assertTrue(bash(env, "station_cds_opts @ARCHIVE@ use").startsWith("-XX:AOTCache=@ARCHIVE@ "));
        assertEquals("25", bash(env, "station_java_major"));
    }
}
