package org.openinfusion.dashboard.bench;

import java.lang.management.ManagementFactory;
import org.openinfusion.testing.TempFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openinfusion.dashboard.app.Chromium;
import org.openinfusion.station.process.FreePort;
import org.openinfusion.station.tls.PemTrust;

/**
 * Start-up of the whole station as {@code bin/station-demo} runs it (performance.md; issue 15 item 7): a fresh JVM with
 * the station's memory options, embedded broker (its sessions and queues in memory, as the demo runs it, or with
 * {@code broker=file} on disk), a private influxd, 4 simulated beds, the dashboard over HTTPS with its self-signed
 * certificate, one data folder for all runs (the first run starts with it empty and makes the TLS certificates, the
 * demo accounts and the device registry; the later ones are restarts that keep them, as a second start of
 * {@code bin/station-demo} in {@code run/demo}). Measured from
 * the JVM's process start to (1) the launcher printing the dashboard's address, (2) the dashboard's sign-in page
 * answering 200 and (3) the status endpoint answering /health. The child's log lines with their times are kept, so the
 * slowest phase can be read from them. Prints figures and a verdict against 5 s; asserts nothing.
 * Run with {@code bin/benchmark startup [runs=3]}: the launcher's class path (the packaged jar and its libraries,
 * {@code station.launcher.cp}) and its class data sharing ({@code station.cds.kinds} and {@code station.cds.KIND.*}, from
 * station_cds_opts: JDK 25's AOT cache or the dynamic archive, the file in a folder kept across the runs): the first run
 * writes the file when it stops (its stop is timed), the later ones start from it, as a second start of
 * {@code bin/station-demo} does. The verdict is the median of the runs after the first. With two kinds (the
 * benchmark's {@code alternate}) the runs take them in turn, each kind's first run writes its own file, and each kind
 * gets its verdict.
 */
public final class StartupBenchmark {
    private static final Duration TARGET = Duration.ofSeconds(5);

    private StartupBenchmark() {
    }

    /**
     * One start: milliseconds from process start to the address printed, the sign-in page and /health answering, and
     * the CPU time the JVM had used when both answered (the work of the start, which a loaded machine stretches less
     * than the wall clock).
     */
    record Start(long printed, long dashboard, long health, long cpuMillis, long stopMillis, List<String> log, List<String> stopLog) {
        long ready() {
            return Math.max(dashboard, health);
        }
    }

    /**
     * One kind of class data sharing the benchmark starts the JVM with ({@code bin/lib/common.sh}, station_cds_opts):
     * its name (aot, dynamic or off), the file's name, and the options of a start that writes the file (the first of
     * that kind) and of one that uses it; {@code @ARCHIVE@} in them stands for the file's path.
     */
    record Sharing(String name, String file, String train, String use, String side, String classPath, String jvmOpts) {
        static Sharing of(String name) {
            return new Sharing(name, System.getProperty("station.cds." + name + ".file", "station-classes"),
                    System.getProperty("station.cds." + name + ".train", ""), System.getProperty("station.cds." + name + ".use", ""),
                    "this build", System.getProperty("station.launcher.cp", System.getProperty("java.class.path")),
                    System.getProperty("station.jvm.opts", ""));
        }

        /** The kind's name, with the side ("this build" or "compare") when the benchmark compares two. */
        String label(boolean comparing) {
            return comparing ? name + ", " + side : name;
        }

        /** The options of a start with {@code archive}: the training ones while it does not exist. */
        String options(Path archive) {
            return (Files.exists(archive) ? use : train).replace("@ARCHIVE@", archive.toString());
        }
    }

    /** The compare side of {@code kind}: its class data sharing, with the other class path and JVM options. */
    private static Sharing compareSide(Sharing kind, String classPath, String jvmOpts) {
        return new Sharing(kind.name(), kind.file(), kind.train(), kind.use(), "compare", classPath, jvmOpts);
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Duration deadline = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 300);
        // the embedded broker's persistence: in memory as bin/station-demo runs it, or "file" (the station's default)
        String brokerPersistence = args.length > 2 ? args[2] : "in-memory";
        // the TLS certificates of the run before: kept (as a restart finds them) or, to see what keeping them saves,
        // "fresh": deleted before each run, so that every start makes them, or "alternate": deleted before every other
        // run (the even ones), so that both kinds of start share the machine's load of the same minutes
        String tlsMode = args.length > 3 ? args[3] : "kept";
        // the kinds of class data sharing, taken in turn (bin/benchmark: the launcher's, or "alternate": the AOT cache
        // and the dynamic archive, each in its own folder, so that both share the machine's load of the same minutes)
        List<Sharing> kinds = List.of(System.getProperty("station.cds.kinds", "off").split(",")).stream().map(Sharing::of).toList();
        Path archiveDir = Files.createTempDirectory("startup-cds-");
        Path dataRoot = Files.createTempDirectory("startup-bench-");
        String jvmOpts = System.getProperty("station.jvm.opts", "");
        String classPath = System.getProperty("station.launcher.cp", System.getProperty("java.class.path"));
        // another build (its launcher class path) or other JVM options to compare with, in turn with this one under the
        // same load (bin/benchmark: STARTUP_COMPARE_CP, STARTUP_COMPARE_JVM_OPTS); each side keeps its own data folder and
        // class archive
        String compareCp = System.getProperty("station.compare.cp", "");
        String compareOpts = System.getProperty("station.compare.jvm.opts", "");
        // and/or another kind of class data sharing for that side (STARTUP_COMPARE_CDS: e.g. the launchers' defaults
        // before and after a change of both the collector and the kind); one compare side then, whatever this side's kinds
        String compareCds = System.getProperty("station.compare.cds", "");
        boolean comparing = !compareCp.isBlank() || !compareOpts.isBlank() || !compareCds.isBlank();
        List<Sharing> sharing = new ArrayList<>();
        for (Sharing k : kinds) {
            sharing.add(k);
            if (comparing && compareCds.isBlank()) {
                sharing.add(compareSide(k, compareCp.isBlank() ? classPath : compareCp, compareOpts.isBlank() ? jvmOpts : compareOpts));
            }
        }
        if (!compareCds.isBlank()) {
            sharing.add(compareSide(Sharing.of(compareCds), compareCp.isBlank() ? classPath : compareCp,
                    compareOpts.isBlank() ? jvmOpts : compareOpts));
        }
        LiveBenchmark.header(System.out, "startup", 4);
        System.out.println("embedded broker persistence: " + brokerPersistence + "; TLS certificates: "
                + switch (tlsMode) {
                    case "fresh" -> "deleted before each run (made at every start)";
                    case "alternate" -> "deleted before every even run (made), kept for the odd ones";
                    default -> "kept from the run before, as a restart finds them";
                });
        System.out.println("  JVM options: " + (jvmOpts.isBlank() ? "(none)" : jvmOpts.trim()));
        for (Sharing s : sharing) {
            System.out.println("  class data sharing " + s.label(comparing) + (sharing.size() > 1 ? " (every " + sharing.size() + ". run from run "
                    + (sharing.indexOf(s) + 1) + ")" : "") + ": first start " + (s.train().isBlank() ? "(none)" : s.train())
                    + "; later starts " + (s.use().isBlank() ? "(none)" : s.use()));
        }
        System.out.println("  class path: " + classPath);
        if (comparing) {
            System.out.println("  compared with: class path " + (compareCp.isBlank() ? "(the same)" : compareCp) + "; JVM options "
                    + (compareOpts.isBlank() ? "(the same)" : compareOpts) + "; class data sharing "
                    + (compareCds.isBlank() ? "(the same)" : compareCds));
        }
        Map<Sharing, List<Start>> measured = new LinkedHashMap<>();
        sharing.forEach(s -> measured.put(s, new ArrayList<>()));
        List<Start> madeRuns = new ArrayList<>();
        List<Start> keptRuns = new ArrayList<>();
        Start last = null;
        Map<Sharing, Start> lastOf = new LinkedHashMap<>();
        try {
            for (int i = 1; i <= runs; i++) {
                Sharing kind = sharing.get((i - 1) % sharing.size());
                String folder = kind.side().equals("compare") ? kind.name() + "-compare" : kind.name();
                Path archive = archiveDir.resolve(folder).resolve(kind.file());
                Files.createDirectories(archive.getParent());
                Path dataDir = dataRoot.resolve(comparing ? "data-" + folder : "data");
                boolean training = !Files.exists(archive);
                String opts = (kind.jvmOpts() + " " + kind.options(archive)).trim();
                double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                boolean freshTls = tlsMode.equals("fresh") || tlsMode.equals("alternate") && i % 2 == 0;
                if (freshTls) {
                    TempFolders.deleteTree(dataDir.resolve("broker").resolve("tls"));
                    TempFolders.deleteTree(dataDir.resolve("dashboard-tls"));
                }
                try {
                    last = measure(List.of(opts.isBlank() ? new String[0] : opts.split("\\s+")), kind.classPath(), deadline,
                            brokerPersistence, dataDir);
                } catch (IllegalStateException notReady) {
                    // a run that never became ready (a loaded machine) is reported and the next one tried
                    System.out.printf(Locale.ROOT, "  run %d (%s): %s; load %.2f before, %.2f after%n", i, kind.label(comparing),
                            notReady.getMessage().lines().findFirst().orElse(""), loadBefore,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    continue;
                }
                lastOf.put(kind, last);
                // the start that wrote the archive is not counted (unless there is nothing else, or nothing is written)
                if (!training || kind.name().equals("off") || runs == 1) {
                    measured.get(kind).add(last);
                    (freshTls ? madeRuns : keptRuns).add(last);
                }
                String written = training && Files.exists(archive)
                        ? String.format(Locale.ROOT, "; stopped %d ms after SIGTERM, having written the %s archive (%d MB)", last.stopMillis(),
                                kind.name(), Files.size(archive) >> 20)
                        : String.format(Locale.ROOT, "; stopped %d ms after SIGTERM", last.stopMillis());
                System.out.printf(Locale.ROOT, "  run %d (%s%s)%s: address printed %d ms, sign-in page %d ms, /health %d ms after the JVM started, "
                                + "%d ms of CPU used by then; load %.2f before, %.2f after%s%n",
                        i, kind.label(comparing), training && !kind.name().equals("off") ? ", first start: writes the archive when it stops" : "",
                        tlsKept(last.log()), last.printed(), last.dashboard(), last.health(), last.cpuMillis(), loadBefore,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), written);
                if (training && !kind.name().equals("off")) {
                    // what the JVM said while it stopped and wrote the archive (or why it did not)
                    last.stopLog().stream().filter(l -> !l.contains(" INFO ")).limit(30).forEach(l -> System.out.println("    " + l));
                }
            }
        } finally {
            TempFolders.deleteTree(archiveDir);
            TempFolders.deleteTree(dataRoot);
        }
        if (comparing) {
            // each side's last run, so that their phases can be compared
            lastOf.forEach((kind, start) -> {
                System.out.println("  the last run's log of " + kind.label(true) + " (ms after the JVM started):");
                start.log().forEach(l -> System.out.println("    " + l));
            });
        } else if (last != null) {
            System.out.println("  the last run's log (ms after the JVM started):");
            last.log().forEach(l -> System.out.println("    " + l));
        }
        if (tlsMode.equals("alternate")) {
            System.out.println("  runs after the first whose TLS certificates were made: " + summary(madeRuns));
            System.out.println("  runs after the first whose TLS certificates were kept: " + summary(keptRuns));
        }
        for (Map.Entry<Sharing, List<Start>> e : measured.entrySet()) {
            String what = sharing.size() > 1 ? " (" + e.getKey().label(comparing) + ")" : "";
            if (sharing.size() > 1) {
                System.out.println("  runs with " + e.getKey().label(comparing) + " class data sharing, after its first: " + summary(e.getValue()));
            }
            List<Long> ready = e.getValue().stream().map(Start::ready).sorted().toList();
            List<Long> cpu = e.getValue().stream().map(Start::cpuMillis).sorted().toList();
            if (ready.isEmpty()) {
                System.out.printf(Locale.ROOT, "verdict%s: no run became ready within %d s: MISSES the %d s target%n", what, deadline.toSeconds(),
                        TARGET.toSeconds());
                continue;
            }
            long median = ready.get(ready.size() / 2);
            System.out.printf(Locale.ROOT, "verdict%s: station + dashboard ready %d ms after the JVM started (median of %d; best %d, worst %d; "
                            + "CPU used by then, median %d ms) %s the %d s target%n", what, median, ready.size(), ready.getFirst(), ready.getLast(),
                    cpu.get(cpu.size() / 2), median <= TARGET.toMillis() ? "MEETS" : "MISSES", TARGET.toSeconds());
        }
    }

    /** Medians of ready and CPU over {@code runs}, with each run's figures. */
    private static String summary(List<Start> runs) {
        if (runs.isEmpty()) {
            return "none";
        }
        List<Long> r = runs.stream().map(Start::ready).sorted().toList();
        List<Long> c = runs.stream().map(Start::cpuMillis).sorted().toList();
        return String.format(Locale.ROOT, "%d: ready median %d ms (%s), CPU median %d ms (%s)", runs.size(), r.get(r.size() / 2), r,
                c.get(c.size() / 2), c);
    }

    /** How many of the start's TLS certificates (broker, dashboard) were kept from the run before, read from its log. */
    static String tlsKept(List<String> log) {
        long kept = log.stream().filter(l -> l.contains("TLS certificate for") && l.contains("kept from an earlier start")).count();
        long made = log.stream().filter(l -> l.contains("TLS certificate for") && l.contains(" made in ")).count();
        return String.format(Locale.ROOT, " (TLS certificates: %d kept, %d made)", kept, made);
    }

    static Start measure(List<String> jvmOpts, String classPath, Duration within, String brokerPersistence, Path dataDir)
            throws Exception {
        int port = FreePort.find();
        int statusPort = FreePort.find();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmOpts);
        // production mode: the browser bundle the package phase built, as the launcher's jar serves it
        cmd.addAll(List.of("-Dvaadin.productionMode=true", "-Dstation.mqtt.url=embedded", "-Dstation.mqtt.embeddedPersistence=" + brokerPersistence, "-Dstation.influx.url=managed", "-Dstation.station.dataDir=" + dataDir,
                "-Dstation.http.dashboardPort=" + port, "-Dstation.http.dashboardKeystore=self-signed", "-Dstation.http.statusPort=" + statusPort,
                "-cp", classPath, "org.openinfusion.dashboard.app.StationMain", "--simulate-beds", "4"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Instant started = p.info().startInstant().orElse(Instant.now());
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Long> printed = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = p.inputReader(StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    long at = Duration.between(started, Instant.now()).toMillis();
                    log.add(String.format("%6d  %s", at, line.length() > 160 ? line.substring(0, 160) : line));
                    if (line.contains("Dashboard: ")) {
                        printed.complete(at);
                    }
                }
            } catch (IOException e) {
                printed.completeExceptionally(e);
            }
        }, "startup-reader");
        reader.setDaemon(true);
        reader.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        // the dashboard's certificate is made (or kept) before its port opens; its authority is what the probe trusts
        Path dashboardCa = dataDir.resolve("dashboard-tls").resolve("ca.pem");
        HttpClient https = null;
        FileTime caSeen = null;
        long dashboard = -1;
        long health = -1;
        try {
            long deadline = System.nanoTime() + within.toNanos();
            while ((dashboard < 0 || health < 0) && System.nanoTime() < deadline && p.isAlive()) {
                // a client for the authority in the file now (the run before's, kept or not, until this start has made its own)
                if (dashboard < 0 && Files.isRegularFile(dashboardCa) && !Files.getLastModifiedTime(dashboardCa).equals(caSeen)) {
                    caSeen = Files.getLastModifiedTime(dashboardCa);
                    if (https != null) {
                        https.close();
                    }
                    try {
                        https = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).sslContext(PemTrust.context(dashboardCa)).build();
                    } catch (IOException halfWritten) {
                        https = null;
                        caSeen = null; // read again at the next look
                    }
                }
                if (dashboard < 0 && https != null && answers(https, "https://127.0.0.1:" + port + "/login")) {
                    dashboard = Duration.between(started, Instant.now()).toMillis();
                }
                if (health < 0 && answers(http, "http://127.0.0.1:" + statusPort + "/health")) {
                    health = Duration.between(started, Instant.now()).toMillis();
                }
                Thread.sleep(20); // pacing: readiness looked at every 20 ms, the figures' resolution
            }
            if (dashboard < 0 || health < 0) {
                throw new IllegalStateException("the station did not become ready within " + within.toSeconds() + " s (alive " + p.isAlive()
                        + "); its log:\n" + String.join("\n", log));
            }
            long cpuMillis = p.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            long printedAt = printed.get(30, TimeUnit.SECONDS);
            // the stop, timed: a first start writes its class archive then (an AOT cache by a second JVM it waits for)
            int linesBeforeStop = log.size();
            long stopMillis = stop(p, within);
            reader.join(TimeUnit.SECONDS.toMillis(5)); // the last lines (the archive's) are in the log
            List<String> all = List.copyOf(log);
            return new Start(printedAt, dashboard, health, cpuMillis, stopMillis, all, all.subList(linesBeforeStop, all.size()));
        } finally {
            if (p.isAlive()) {
                stop(p, within);
            }
            if (https != null) {
                https.close();
            }
            http.close();
        }
    }

    /**
     * SIGTERM, as Ctrl-C: the launcher's shutdown hook stops what it started (influxd, broker), then the JVM writes its
     * class archive when it has none. Waits {@code within} for it (then kills it and what it started); the milliseconds.
     */
    private static long stop(Process p, Duration within) throws InterruptedException {
        long t0 = System.nanoTime();
        // the handle's SIGTERM, not Process.destroy(): that also closes the pipes, and the JVM that assembles an AOT cache
        // (which inherits them) then died on its first line of output, so the first start never wrote the cache
        p.toHandle().destroy();
        if (!p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /** True when {@code url} answers 200 (a 503 from /health means the station is not ready). */
    private static boolean answers(HttpClient http, String url) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
