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
 * bin/station-demo and bin/benchmark startup): by default JDK 25's ahead-of-time cache on JDK 25 or newer (trained when
 * missing or when the JDK, the JVM's options or a jar of the class path changed) and the dynamic archive before JDK 25;
 * either with STATION_CDS=aot|dynamic, none with STATION_CDS=off. And the JVM options they go with (station_jvm_opts:
 * G1 up to 8 beds, ZGC above). Run in bash against JDK folders made here (their release file says the version; no JVM
 * is started).
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
        return opts(major, stationCds, "-XX:+UseG1GC -Xmx768m");
    }

    /** The file and the options station_cds_opts gives the launcher's class path and {@code jvmOptions}. */
    private String opts(int major, String stationCds, String jvmOptions) throws Exception {
        return bash("export JAVA_HOME='" + dir.resolve("jdk" + major) + "' STATION_CDS='" + stationCds + "';",
                "f=$(station_cds_file data); echo \"$f|$(station_cds_opts \"$f\" 'app.jar:lib/*' '" + jvmOptions + "')\"");
    }

    private String jvmOpts(String env, int beds) throws Exception {
        return bash(env, "station_jvm_opts " + beds);
    }

    @Test
    void byDefaultTheAotCacheOnJdk25AndTheDynamicArchiveBeforeWithoutAWarning() throws Exception {
        String dynamic = "data/station-classes.jsa|-XX:SharedArchiveFile=data/station-classes.jsa -XX:+AutoCreateSharedArchive "
                + "-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -Xlog:cds=off -Xlog:cds+dynamic=off";
        String first = opts(25, "on");
        assertTrue(first.startsWith("data/station-classes.aot|-XX:AOTCacheOutput=data/station-classes.aot "), first);
        assertEquals(first, bash("export JAVA_HOME='" + dir.resolve("jdk25") + "'; unset STATION_CDS;",
                "f=$(station_cds_file data); echo \"$f|$(station_cds_opts \"$f\" 'app.jar:lib/*' '-XX:+UseG1GC -Xmx768m')\""),
                "STATION_CDS unset is \"on\"");
        assertEquals(dynamic, opts(21, "on"), "before JDK 25 the dynamic archive, and no warning");
        assertEquals(dynamic, opts(24, "on"));
        assertEquals(dynamic, opts(25, "dynamic"));
        Files.writeString(dir.resolve("data/station-classes.jsa"), "archive");
        assertEquals(dynamic, opts(25, "dynamic"), "the same options write the archive and use it (the JVM checks it)");
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
        Files.writeString(cache, "cache");
        assertTrue(opts(25, "aot").contains("-XX:AOTCache="));
        // another collector (a cache written with G1 is not used by ZGC: "Unable to use AOT cache", silent with the log
        // off) or other JVM options: trained again
        assertTrue(opts(25, "aot", "-XX:+UseZGC -Xmx1024m").contains("-XX:AOTCacheOutput="));
        Files.writeString(cache, "cache");
        assertTrue(opts(25, "on", "-XX:+UseZGC -Xmx1024m").contains("-XX:AOTCache="), "the default is the same cache");
        assertTrue(opts(25, "on", "-XX:+UseG1GC -Xmx768m").contains("-XX:AOTCacheOutput="));
    }

    /** The demo's bed counts run G1 (its AOT cache links classes ahead of time); more beds ZGC; STATION_JVM_OPTS replaces both. */
    @Test
    void g1UpTo8BedsZgcAboveAndStationJvmOptsReplacesThem() throws Exception {
        String g1 = "-XX:+UseG1GC -Xms128m -Xmx768m -XX:MaxDirectMemorySize=256m -XX:ReservedCodeCacheSize=128m";
        assertEquals(g1, jvmOpts("", 1));
        assertEquals(g1, jvmOpts("", 8));
        String zgc16 = "-XX:+UseZGC -Xms128m -Xmx768m -XX:SoftMaxHeapSize=512m -XX:MaxDirectMemorySize=256m -XX:ReservedCodeCacheSize=128m";
        assertEquals(zgc16, jvmOpts("", 9));
        assertEquals(zgc16, jvmOpts("", 16));
        assertEquals(zgc16, bash("", "station_jvm_opts"), "no bed count: the 16-bed options");
        assertEquals("-XX:+UseZGC -Xms128m -Xmx784m -XX:SoftMaxHeapSize=522m -XX:MaxDirectMemorySize=256m -XX:ReservedCodeCacheSize=128m",
                jvmOpts("", 17));
        assertEquals("-XX:+UseZGC -Xms128m -Xmx1024m -XX:SoftMaxHeapSize=682m -XX:MaxDirectMemorySize=256m -XX:ReservedCodeCacheSize=128m",
                jvmOpts("", 32));
        assertTrue(jvmOpts("", 64).contains("-Xmx1536m -XX:SoftMaxHeapSize=1024m"), jvmOpts("", 64));
        assertEquals("-Xmx1g -XX:+UseSerialGC", jvmOpts("export STATION_JVM_OPTS='-Xmx1g -XX:+UseSerialGC';", 4));
        assertEquals("-Xmx1g -XX:+UseSerialGC", jvmOpts("export STATION_JVM_OPTS='-Xmx1g -XX:+UseSerialGC';", 64));
        assertEquals(g1, jvmOpts("export STATION_JVM_OPTS='';", 4), "set but empty: the defaults");
    }

    @Test
    void theBenchmarkChoosesTrainingOrUseItself() throws Exception {
        String env = "export JAVA_HOME='" + dir.resolve("jdk25") + "' STATION_CDS=aot;";
        assertTrue(bash(env, "station_cds_opts @ARCHIVE@ train").startsWith("-XX:AOTCacheOutput=@ARCHIVE@ "));
        assertTrue(bash(env, "station_cds_opts @ARCHIVE@ use").startsWith("-XX:AOTCache=@ARCHIVE@ "));
        assertEquals("25", bash(env, "station_java_major"));
    }
}
