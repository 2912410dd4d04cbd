package org.openinfusion.dashboard.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.openinfusion.sim.SerialSimulatorConfig;
import org.openinfusion.sim.SerialSimulators;
import org.openinfusion.sim.s5.S5Settings;
import org.openinfusion.sim.serial.SerialSimulator;
import org.openinfusion.sim.serial.Transport;
import org.openinfusion.station.process.FreePort;
import org.openinfusion.station.process.LocalInfluxd;
import org.openinfusion.station.process.LocalMosquitto;
import org.openinfusion.station.testing.StationProcess;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.PtyPair;

/**
 * A repeatable fault drill of the whole data path: a private persistent mosquitto and influxd, the
 * station in its own JVM (so it can be killed with SIGKILL), N simulated beds of the full profile in
 * another JVM publishing in real time, a simulated S/5 monitor on a socat pty and a simulated Asena pump
 * behind a serial device server (TCP). Then, on a timeline scaled to the run's length: InfluxDB stopped
 * for a configurable time, the station killed -9 during the outage and restarted, the broker restarted,
 * the monitor's cable pulled (socat killed) and put back while the device server drops the pump's
 * connection, and the station's data folder (a size-limited tmpfs) filled below the DISK_LOW threshold
 * and freed. Afterwards it counts in InfluxDB, per stream, offered / stored / distinct sequence numbers /
 * gaps / duplicates, lists the technical alarms the station logged and its /health transitions with
 * their times, and exits 1 on any loss or duplicate of the MQTT beds (whose devices number every
 * sample) or when the monitor or the pump did not resume after replugging (docs/operations.md).
 * Run with {@code bin/fault-drill [beds=2] [minutes=3] [outage-seconds]}.
 */
public final class FaultDrill {
    static final String SERIAL_BED = "drill-ser";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Pattern ALARM_LINE = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d)\\.\\d+ .*technical alarm (\\w+)(?:(: )| cleared:? ?)(.*)$");
    private static final long MIB = 1 << 20;
    /**
     * The station's JVM with the launchers' memory options for the drill's bed count ({@code station.jvm.opts}, which
     * bin/fault-drill sets from {@code station_jvm_opts BEDS}; a 768 MiB heap without it) and the product's log configuration.
     */
    private static final StationProcess.Options STATION_JVM = StationProcess.Options.defaults()
            .withJvmOptions(System.getProperty("station.jvm.opts", "-XX:+UseZGC -Xms128m -Xmx768m").trim().split("\\s+"))
            .withJvmOptions("-Dlogback.configurationFile=station-logback.xml")
            .withStartDeadline(Duration.ofSeconds(90));

    private FaultDrill() {
    }

    /**
     * @param length the whole run, from the first bed to the simulators' end
     * @param outage how long InfluxDB is down (the station is killed in its middle)
     * @param unplug how long the monitor's cable stays out
     * @param diskHold how long the data folder stays filled below the DISK_LOW threshold
     */
    record Options(int beds, Duration length, Duration outage, Duration stationDead, Duration unplug, Duration diskHold, PrintStream out) {
        static Options of(int beds, Duration length, Optional<Duration> outage, PrintStream out) {
            Duration o = outage.orElse(Duration.ofMillis(length.toMillis() * 35 / 100));
            return new Options(beds, length, o, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), out);
        }
    }

    /** What the drill found. */
    record Result(long offered, long distinct, long duplicates, long missing, boolean allAcknowledged, boolean drained,
                  boolean serialResumed, List<Event> alarms) {
        boolean clean() {
            return missing == 0 && duplicates == 0 && offered == distinct && offered > 0 && allAcknowledged && drained && serialResumed;
        }
    }

    /** Something seen: a fault the drill caused, a technical alarm in the station's log, a /health change. */
    record Event(Instant time, String source, String what) {
    }

    public static void main(String[] args) throws Exception {
        int beds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        double minutes = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        Optional<Duration> outage = args.length > 2 ? Optional.of(Duration.ofSeconds(Long.parseLong(args[2]))) : Optional.empty();
        Duration length = Duration.ofMillis(Math.round(minutes * 60_000));
        if (beds < 1 || length.toSeconds() < 60 || outage.map(o -> o.toSeconds() < 10 || o.compareTo(length.dividedBy(2)) > 0).orElse(false)) {
            System.err.println("usage: bin/fault-drill [beds>=1, default 2] [minutes>=1, default 3] [outage-seconds: 10 to half the run, default 35 %]");
            System.exit(2);
        }
        Result r = run(Options.of(beds, length, outage, System.out));
        System.exit(r.clean() ? 0 : 1);
    }

    static Result run(Options o) throws Exception {
        try (BenchServers servers = BenchServers.create("fault-drill")) {
            return new Drill(o, servers).run();
        }
    }

    /** One run: everything it started, and what it saw. */
    private static final class Drill {
        private final Options o;
        private final PrintStream out;
        private final BenchServers servers;
        private final Path root;
        private final Path data;
        private final Path serialDir;
        private final List<Event> events = new CopyOnWriteArrayList<>();
        private final Map<String, Long> decodedInEarlierLives = new TreeMap<>();
        private LocalMosquitto mosquitto;
        private LocalInfluxd influxd;
        private volatile StationProcess station;
        private SimulatorProcess sim;
        private SerialSimulator monitor;
        private SerialSimulator pump;
        private PtyPair socat;
        private InfluxDB influx;
        private Watcher watcher;
        private boolean mounted;
        private Instant t0 = Instant.now();
        private volatile Instant storeBack;
        private volatile long maxBacklog;
        private volatile Instant maxBacklogAt;
        private volatile Instant backlogDrainedAt;

        Drill(Options o, BenchServers servers) {
            this.o = o;
            this.out = o.out();
            this.servers = servers;
            this.root = servers.root();
            this.data = root.resolve("data");
            this.serialDir = root.resolve("serial");
        }

        Result run() throws Exception {
            var os = ManagementFactory.getOperatingSystemMXBean();
            out.printf(Locale.ROOT, "fault drill %s UTC: %d cores, Java %s, load average %.2f; %d beds of the full profile over MQTT, an S/5 monitor "
                            + "on a socat pty and an Asena pump over TCP (bed %s), %s%n",
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0).toLocalDateTime()),
                    os.getAvailableProcessors(), Runtime.version(), os.getSystemLoadAverage(), o.beds(), SERIAL_BED, human(o.length()));
            Files.createDirectories(data);
            Files.createDirectories(serialDir);
            long tmpfsBytes = tmpfsSize();
            mounted = mountTmpfs(data, tmpfsBytes);
            if (mounted) {
                servers.onClose(() -> {
                    if (new ProcessBuilder("umount", data.toString()).start().waitFor() != 0) {
                        new ProcessBuilder("umount", "-l", data.toString()).start().waitFor();
                    }
                });
            }
            long diskLow = Math.min(64 * MIB, tmpfsBytes / 8);
            out.printf(Locale.ROOT, "  data folder: %s%n", mounted ? String.format(Locale.ROOT, "a %d MiB tmpfs (DISK_LOW threshold %d MiB)",
                    tmpfsBytes / MIB, diskLow / MIB) : "a plain folder: a tmpfs cannot be mounted here (needs root), so the disk will not be filled");

            mosquitto = servers.startMosquitto();
            influxd = servers.startInfluxd();
            servers.onClose(() -> stopIfStarted(socat, PtyPair::close)); // the cable is replaced during the drill
            socat = PtyPair.open(serialDir, true); // ignoreeof: a killed station must find its port again
            monitor = servers.closeLater(SerialSimulators.start(SerialSimulatorConfig.defaults("s5").withSeed(7)
                    .withS5(S5Settings.defaults().withMinNumericsInterval(Duration.ofSeconds(5))), Transport.pty(serialDir.resolve("ttyB")), Clock.systemUTC()), SerialSimulator::close);

            pump = servers.closeLater(SerialSimulators.asena(Transport.tcp(0), 8), SerialSimulator::close);

            Map<String, String> s = new LinkedHashMap<>();
            s.put("mqtt.url", mosquitto.url());
            s.put("mqtt.clientId", "drill-station");
            s.put("mqtt.allowUnregisteredDevices", "true"); // the drill's simulated beds have no broker accounts
            s.put("influx.url", influxd.url());
            s.put("influx.username", influxd.admin().username()); // the private influxd requires authentication
            s.put("influx.password", influxd.admin().password());
            s.put("station.dataDir", data.toString());
            s.put("buffer.maxBytes", String.valueOf(mounted ? tmpfsBytes / 2 : 2048 * MIB));
            s.put("buffer.segmentBytes", String.valueOf(8 * MIB));
            s.put("health.publishInterval", "1s");
            s.put("health.diskLowBytes", String.valueOf(diskLow)); // ignored by a station without DISK_LOW
            s.put("devices", "mon1,pump1");
            s.put("device.pump1.protocol", "asena");
            s.put("device.pump1.tcp", "127.0.0.1:" + pump.tcpPort().getAsInt());
            s.put("device.pump1.bed", SERIAL_BED);
            s.put("device.mon1.protocol", "s5");
            s.put("device.mon1.port", serialDir.resolve("ttyA").toString());
            s.put("device.mon1.bed", SERIAL_BED);
            // the simulated monitor answers DRI level 10; the station asks at 11 first and moves on after retryAfter
            // (default 15 s, docs/s5.md): 2 s, so that the drill's start waits 2 s for that search, not 15
            s.put("device.mon1.retryAfter", "2s");
            s.put("http.statusPort", String.valueOf(FreePort.find())); // the same port after the restart
            Path log = root.resolve("station.log");
            servers.onClose(() -> stopIfStarted(station, StationProcess::stop)); // the station is restarted during the drill
            station = StationProcess.start(s, log, STATION_JVM);
            watcher = servers.closeLater(new Watcher(log), Watcher::stop);
            watcher.start();
            sim = servers.startSimulators();
            influx = servers.influxClient();

            // the timeline starts when both serial devices deliver (the monitor streams only after the DRI level is agreed)
            awaitSerialData(Duration.ofSeconds(90));
            Duration len = o.length();
            t0 = Instant.now();
            Instant end = t0.plus(len);
            sim.addBeds("drill", o.beds(), 42, end);
            fault("%d beds publishing (drill-01..%02d), monitor on %s", o.beds(), o.beds(), serialDir.resolve("ttyA"));
            Instant outageAt = t0.plus(pct(len, 15));
            Instant killAt = outageAt.plus(o.outage().dividedBy(2));
            Instant backAt = outageAt.plus(o.outage());
            Instant brokerAt = later(backAt.plusSeconds(10), t0.plus(pct(len, 60)));
            Instant unplugAt = brokerAt.plus(pct(len, 8));
            Instant diskAt = unplugAt.plus(o.unplug()).plus(pct(len, 5));
            out.printf("  plan: +%s InfluxDB stopped; +%s station killed -9, restarted %d s later; +%s InfluxDB back; +%s broker restarted; "
                            + "+%s monitor unplugged for %d s; +%s data folder filled below DISK_LOW for %d s; +%s simulators end%n",
                    mmss(outageAt), mmss(killAt), o.stationDead().toSeconds(), mmss(backAt), mmss(brokerAt), mmss(unplugAt), o.unplug().toSeconds(),
                    mmss(diskAt), o.diskHold().toSeconds(), mmss(end));

            sleepUntil(outageAt);
            influxd.stop();
            fault("InfluxDB stopped");
            sleepUntil(killAt);
            rememberDecoded();
            station.kill();
            fault("station killed (SIGKILL)");
            Thread.sleep(o.stationDead().toMillis()); // pacing: the station stays dead as planned
            station = StationProcess.start(s, log, STATION_JVM);
            fault("station restarted and subscribed");
            sleepUntil(backAt);
            influxd.start();
            storeBack = Instant.now();
            fault("InfluxDB started again");
            sleepUntil(brokerAt);
            mosquitto.stop();
            fault("broker stopped");
            Thread.sleep(3000); // pacing: the broker stays down as planned
            mosquitto.start();
            fault("broker started again (same persistence folder)");
            sleepUntil(unplugAt);
            socat.close();
            pump.faults().disconnect();
            fault("monitor unplugged (socat killed); the pump's device server dropped the connection");
            Thread.sleep(o.unplug().toMillis()); // pacing: the cable stays out as planned
            socat = PtyPair.open(serialDir, true); // ignoreeof: a killed station must find its port again
            Instant replugged = Instant.now();
            fault("monitor plugged back in (socat started)");
            sleepUntil(diskAt);
            if (mounted) {
                fillDisk(diskLow);
            }
            sleepUntil(end);

            // the end: every acknowledgement, the station drained, then count
            fault("simulated time reached the end; waiting for the broker's acknowledgements");
            SimulatorProcess.Offered offered = sim.finish(Duration.ofMinutes(5));
            awaitSerialAfter(replugged, Duration.ofSeconds(60));
            monitor.close();
            pump.close();
            fault("simulators stopped: broker acknowledged %s (%,d of %,d messages)%s", offered.allAcknowledged() ? "everything" : "NOT everything",
                    offered.acknowledgedMessages(), offered.publishedMessages(), offered.failed() ? ", a simulator FAILED (see its log)" : "");
            boolean drained = awaitDrained(offered.total());
            watcher.stop();
            return report(offered, drained, replugged);
        }

        private Result report(SimulatorProcess.Offered offered, boolean drained, Instant replugged) throws InterruptedException {
            List<CapacityBenchmark.Count> counts = CapacityBenchmark.count(influx, "station", offered.produced());
            long totalOffered = counts.stream().mapToLong(CapacityBenchmark.Count::offered).sum();
            long distinct = counts.stream().mapToLong(CapacityBenchmark.Count::distinct).sum();
            long stored = counts.stream().mapToLong(CapacityBenchmark.Count::stored).sum();
            long dups = counts.stream().mapToLong(CapacityBenchmark.Count::duplicates).sum();
            long missing = counts.stream().mapToLong(CapacityBenchmark.Count::missing).sum();
            out.printf("MQTT beds (the simulator numbers every sample; InfluxDB count(seq), count(distinct(seq)), min and max seq per bed and stream):%n");
            out.printf("  %-12s %14s %14s %16s %10s %11s%n", "stream", "offered", "stored", "distinct seq", "gaps", "duplicates");
            Map<String, long[]> byStream = new TreeMap<>();
            Map<String, long[]> spans = seqSpans(offered.produced().keySet());
            List<String> bad = new ArrayList<>();
            for (CapacityBenchmark.Count c : counts) {
                long[] a = byStream.computeIfAbsent(c.stream(), k -> new long[5]);
                long[] span = spans.getOrDefault(c.bed() + "/" + c.stream(), new long[] {0, -1});
                long holes = Math.max(0, c.offered() - c.distinct());
                a[0] += c.offered();
                a[1] += c.stored();
                a[2] += c.distinct();
                a[3] += holes;
                a[4] += c.duplicates();
                if (holes > 0 || c.duplicates() > 0 || span[0] != 0 || span[1] != c.offered() - 1) {
                    bad.add(String.format(Locale.ROOT, "%s/%s offered %d, distinct %d, seq %d..%d, duplicates %d", c.bed(), c.stream(), c.offered(),
                            c.distinct(), span[0], span[1], c.duplicates()));
                }
            }
            byStream.forEach((k, a) -> out.printf(Locale.ROOT, "  %-12s %,14d %,14d %,16d %,10d %,11d%n", k, a[0], a[1], a[2], a[3], a[4]));
            out.printf(Locale.ROOT, "  total: offered %,d, stored %,d, distinct %,d, gaps %,d, duplicates %,d%s%n", totalOffered, stored, distinct, missing, dups,
                    bad.isEmpty() ? "; every stream's seq runs 0..offered-1" : "");
            bad.stream().limit(20).forEach(b -> out.println("  NOT CLEAN: " + b));

            if (maxBacklogAt != null) {
                out.printf(Locale.ROOT, "station's durable buffer: at most %.1f MiB (+%s); under 1 MiB %s%n", maxBacklog / (double) MIB,
                        mmss(maxBacklogAt), backlogDrainedAt == null ? "never after InfluxDB came back"
                                : Duration.between(storeBack, backlogDrainedAt).toSeconds() + " s after InfluxDB came back (polled each second)");
            }
            boolean resumed = serial(replugged);
            alarms();
            Result r = new Result(totalOffered, distinct, dups, missing, offered.allAcknowledged(), drained, resumed, List.copyOf(events));
            out.println(r.clean() ? "drill PASSED: nothing lost, nothing duplicated, the monitor and the pump resumed after the faults"
                    : "drill FAILED: " + String.join(", ", failures(r)));
            return r;
        }

        private static List<String> failures(Result r) {
            List<String> f = new ArrayList<>();
            if (r.missing() > 0 || r.offered() != r.distinct()) {
                f.add(r.offered() - r.distinct() + " values lost");
            }
            if (r.duplicates() > 0) {
                f.add(r.duplicates() + " duplicates");
            }
            if (!r.allAcknowledged()) {
                f.add("the broker did not acknowledge everything the simulators published");
            }
            if (!r.drained()) {
                f.add("the station did not drain");
            }
            if (!r.serialResumed()) {
                f.add("the monitor or the pump did not resume after replugging");
            }
            return f;
        }

        /**
         * The serial devices: their lines carry no sequence numbers, so: decoded by the station, stored, the seconds in
         * which nothing of a stream was stored, and whether data came after the replug.
         */
        private boolean serial(Instant replugged) {
            out.printf("serial devices of bed %s (no sequence numbers on their lines: the station numbers what it decodes, from 0 in each of "
                    + "its lives):%n", SERIAL_BED);
            Map<String, long[]> stored = new TreeMap<>();
            for (String m : new String[] {"waveform", "numeric", "state"}) {
                perSeries("SELECT count(seq) FROM \"" + m + "\" WHERE bed = '" + SERIAL_BED + "' GROUP BY stream")
                        .forEach((k, row) -> stored.computeIfAbsent(k, x -> new long[1])[0] += num(row.get(1)));
            }
            long total = stored.values().stream().mapToLong(a -> a[0]).sum();
            Map<String, Long> decoded = new TreeMap<>(decodedInEarlierLives);
            station.health().map(h -> decoded(h)).orElse(Map.of()).forEach((k, v) -> decoded.merge(k, v, Long::sum));
            List<String> parts = new ArrayList<>();
            stored.forEach((k, v) -> parts.add(k.substring(k.indexOf('/') + 1) + " " + String.format(Locale.ROOT, "%,d", v[0])));
            out.printf(Locale.ROOT, "  bytes sent: monitor %,d, pump %,d; values decoded by the station (summed over its lives, the killed one as "
                    + "last seen in /health): %s; stored %,d (%s)%n", monitor.bytesSent(), pump.bytesSent(), decoded, total, String.join(", ", parts));
            boolean resumed = true;
            for (String[] stream : new String[][] {{"waveform", "ecg_i", "1s", "monitor"}, {"numeric", "pump_rate", "5s", "pump"}}) {
                long after = storedAfter(replugged, stream[0], stream[1]);
                List<String> gaps = gaps(stream[0], stream[1], stream[2]);
                out.printf(Locale.ROOT, "  %s: %s intervals with no %s stored: %s; after the replug %,d stored%s%n", stream[3], stream[2], stream[1],
                        gaps.isEmpty() ? "none" : String.join(", ", gaps), after, after > 0 ? "" : " - it did NOT resume");
                resumed &= after > 0;
            }
            return resumed;
        }

        private List<String> gaps(String measurement, String stream, String bin) {
            QueryResult r = influx.query(new Query("SELECT count(v) FROM " + measurement + " WHERE bed = '" + SERIAL_BED + "' AND stream = '"
                    + stream + "' AND time >= '" + t0.plusSeconds(5) + "' AND time < '" + t0.plus(o.length()).minusSeconds(5) + "' GROUP BY time(" + bin
                    + ") fill(0)", "station"));
            List<String> gaps = new ArrayList<>();
            var series = r.getResults().getFirst().getSeries();
            if (series == null) {
                return List.of("nothing stored at all");
            }
            Instant gapStart = null;
            for (List<Object> row : series.getFirst().getValues()) {
                Instant t = Instant.parse((String) row.get(0));
                boolean empty = num(row.get(1)) == 0;
                if (empty && gapStart == null) {
                    gapStart = t;
                } else if (!empty && gapStart != null) {
                    gaps.add(String.format(Locale.ROOT, "+%s..+%s (%d s)", mmss(gapStart), mmss(t), Duration.between(gapStart, t).toSeconds()));
                    gapStart = null;
                }
            }
            if (gapStart != null) {
                gaps.add(String.format(Locale.ROOT, "+%s..end", mmss(gapStart)));
            }
            return gaps;
        }

        private void alarms() {
            out.println("timeline: the drill's faults, technical alarms in the station's log, /health changes (times UTC, +mm:ss from the start):");
            events.stream().sorted(Comparator.comparing(Event::time))
                    .forEach(e -> out.printf("  %s +%s  %-7s %s%n", CLOCK.format(e.time()), mmss(e.time()), e.source(), e.what()));
            Set<String> codes = new LinkedHashSet<>(List.of("STORE_UNREACHABLE", "BROKER_DISCONNECTED", "DEVICE_DISCONNECTED",
                    "DEVICE_SILENT", "DISK_LOW"));
            events.stream().filter(e -> e.source().equals("log")).forEach(e -> codes.add(e.what().substring(0, e.what().indexOf(' '))));
            for (String code : codes) {
                List<Event> raised = events.stream().filter(e -> e.source().equals("log") && e.what().startsWith(code + " raised")).toList();
                List<Event> cleared = events.stream().filter(e -> e.source().equals("log") && e.what().startsWith(code + " cleared")).toList();
                out.printf("  %-20s %s%n", code, raised.isEmpty() ? "not raised" : "raised " + raised.size() + " x (first +" + mmss(raised.getFirst().time())
                        + "), cleared " + cleared.size() + " x" + (cleared.isEmpty() ? "" : " (last +" + mmss(cleared.getLast().time()) + ")"));
            }
        }

        // ---- faults ----

        /** Fills the data folder until its free space is half the DISK_LOW threshold, holds, then frees it. */
        private void fillDisk(long diskLow) throws IOException, InterruptedException {
            Path filler = data.resolve("drill-filler.bin");
            var store = Files.getFileStore(data);
            byte[] block = new byte[(int) MIB];
            try (OutputStream f = Files.newOutputStream(filler)) {
                while (store.getUsableSpace() > diskLow / 2) {
                    f.write(block);
                }
            } catch (IOException full) {
                fault("filling the data folder: %s", full.getMessage());
            }
            fault("data folder filled: %d MiB free (DISK_LOW below %d MiB)", store.getUsableSpace() / MIB, diskLow / MIB);
            Thread.sleep(o.diskHold().toMillis()); // pacing: the disk stays full as planned
            Files.delete(filler);
            fault("data folder freed: %d MiB free", store.getUsableSpace() / MIB);
        }

        private long tmpfsSize() {
            // ~140 bytes of journal per sample (measured), ~1,700 samples/s per bed, for the outage, twice over, + 128 MiB
            long outageBytes = 140L * 1700 * o.beds() * o.outage().toSeconds();
            return Math.max(256 * MIB, (2 * outageBytes + 128 * MIB) / MIB * MIB);
        }

        private boolean mountTmpfs(Path dir, long bytes) {
            try {
                Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + bytes / MIB + "m,mode=700", "tmpfs", dir.toString())
                        .redirectErrorStream(true).start();
                String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor() != 0) {
                    out.println("  (mount: " + msg + ")");
                    return false;
                }
                return true;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void awaitSerialData(Duration timeout) throws InterruptedException {
            boolean delivering = Eventually.poll(timeout, () -> {
                Map<String, Long> d = station.health().map(Drill::decoded).orElse(Map.of());
                return d.getOrDefault("mon1", 0L) > 0 && d.getOrDefault("pump1", 0L) > 0;
            }, yes -> yes);
            if (delivering) {
                return;
            }
            out.println("  (the serial devices delivered nothing within " + timeout.toSeconds() + " s; starting anyway)");
        }

        /** Keeps the serial simulators running (the MQTT beds have ended) until both delivered again after the replug. */
        private void awaitSerialAfter(Instant replugged, Duration timeout) throws InterruptedException {
            Eventually.poll(timeout, () -> storedAfter(replugged, "waveform", "ecg_i") > 0
                    && storedAfter(replugged, "numeric", "pump_rate") > 0, yes -> yes);
        }

        private long storedAfter(Instant t, String measurement, String stream) {
            return num(first("SELECT count(v) FROM " + measurement + " WHERE bed = '" + SERIAL_BED + "' AND stream = '" + stream
                    + "' AND time > '" + t + "'"));
        }

        private void rememberDecoded() {
            station.health().ifPresent(h -> decoded(h).forEach((k, v) -> decodedInEarlierLives.merge(k, v, Long::sum)));
        }

        private static Map<String, Long> decoded(JsonObject h) {
            Map<String, Long> m = new TreeMap<>();
            h.getJsonArray("devices").forEach(d -> m.put(((JsonObject) d).getString("name"), ((JsonObject) d).getLong("valuesDecoded")));
            return m;
        }

        /** Until the station took in every offered value (summed over its lives is unknowable, so: its buffer empty and nothing moving). */
        private boolean awaitDrained(long produced) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
            String previous = null;
            int still = 0;
            while (Instant.now().isBefore(deadline)) {
                Optional<JsonObject> h = station.health();
                if (h.isPresent()) {
                    String now = h.get().getLong("bufferPendingBytes") + " " + h.get().getLong("pointsWritten") + " " + h.get().getJsonObject("valuesTotal");
                    still = now.equals(previous) ? still + 1 : 0;
                    previous = now;
                    if (still >= 5 && h.get().getLong("bufferPendingBytes") == 0 && h.get().getBoolean("storeReachable")) {
                        fault("station drained (buffer empty, nothing moving for 5 s)");
                        return true;
                    }
                }
                Thread.sleep(1000); // pacing: "nothing moving" means unchanged in five looks a second apart
            }
            fault("station NOT drained within 15 minutes (%,d values were offered)", produced);
            return false;
        }

        private void fault(String format, Object... args) {
            Instant now = Instant.now();
            String what = String.format(Locale.ROOT, format, args);
            events.add(new Event(now, "drill", what));
            out.printf("  %s +%s  %s%n", CLOCK.format(now), mmss(now), what);
        }

        // ---- InfluxDB ----

        /** {min(seq), max(seq)} per "bed/stream". */
        private Map<String, long[]> seqSpans(Set<String> beds) {
            Map<String, long[]> out = new TreeMap<>();
            for (String bed : beds) {
                for (String m : new String[] {"waveform", "numeric", "state"}) {
                    perSeries("SELECT min(seq), max(seq) FROM \"" + m + "\" WHERE bed = '" + bed + "' GROUP BY stream")
                            .forEach((k, row) -> out.put(bed + "/" + k.substring(k.indexOf('/') + 1), new long[] {num(row.get(1)), num(row.get(2))}));
                }
            }
            return out;
        }

        private Map<String, List<Object>> perSeries(String q) {
            return CapacityBenchmark.perSeries(influx, "station", q);
        }

        private Object first(String q) {
            return perSeries(q).values().stream().findFirst().map(row -> row.get(1)).orElse(null);
        }

        // ---- time ----

        private String mmss(Instant t) {
            long s = Math.max(0, Duration.between(t0, t).toSeconds());
            return String.format("%02d:%02d", s / 60, s % 60);
        }

        private static <T> void stopIfStarted(T resource, Stopper<T> stop) throws Exception {
            if (resource != null) {
                stop.stop(resource);
            }
        }

        @FunctionalInterface
        private interface Stopper<T> {
            void stop(T resource) throws Exception;
        }

        /** Follows the station's log for technical alarms and polls /health for changes of its yes/no fields, every second. */
        private final class Watcher {
            private final Path log;
            private final Thread thread;
            private volatile boolean running = true;
            private long position;
            private final Map<String, String> last = new TreeMap<>();

            Watcher(Path log) {
                this.log = log;
                this.thread = new Thread(this::loop, "drill-watcher");
                thread.setDaemon(true);
            }

            void start() {
                thread.start();
            }

            void stop() throws InterruptedException {
                running = false;
                thread.join(5000);
                tail(); // the last lines
            }

            private void loop() {
                while (running) {
                    try {
                        tail();
                        poll();
                        Thread.sleep(1000); // pacing: the watcher samples the log and /health once a second
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        out.println("  (watcher: " + e + ")");
                    }
                }
            }

            private synchronized void tail() {
                try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
                    if (f.length() < position) {
                        position = 0;
                    }
                    f.seek(position);
                    byte[] b = new byte[(int) (f.length() - position)];
                    f.readFully(b);
                    int end = new String(b, StandardCharsets.UTF_8).lastIndexOf('\n') + 1;
                    String text = new String(b, 0, end, StandardCharsets.UTF_8);
                    position += text.getBytes(StandardCharsets.UTF_8).length;
                    for (String line : text.split("\n")) {
                        Matcher m = ALARM_LINE.matcher(line);
                        if (m.matches()) {
                            Instant t = Instant.parse(Instant.now().toString().substring(0, 11) + m.group(1) + "Z");
                            events.add(new Event(t, "log", m.group(2) + (m.group(3) != null ? " raised: " : " cleared ") + m.group(4)));
                        }
                    }
                } catch (IOException e) {
                    // not written yet
                }
            }

            private void poll() {
                Optional<JsonObject> h = station.health();
                Map<String, String> now = new TreeMap<>();
                if (h.isEmpty()) {
                    now.put("station", "not answering");
                } else {
                    now.put("station", "answering");
                    long pending = h.get().getLong("bufferPendingBytes");
                    if (pending > maxBacklog) {
                        maxBacklog = pending;
                        maxBacklogAt = Instant.now();
                    }
                    if (storeBack != null && backlogDrainedAt == null && pending < MIB) {
                        backlogDrainedAt = Instant.now();
                    }
                    for (String k : h.get().fieldNames()) {
                        Object v = h.get().getValue(k);
                        if (v instanceof Boolean || k.equals("status")) {
                            now.put(k, String.valueOf(v));
                        }
                    }
                    Object alarms = h.get().getValue("technicalAlarms");
                    if (alarms != null) {
                        now.put("technicalAlarms", alarms.toString());
                    }
                }
                now.forEach((k, v) -> {
                    String before = last.put(k, v);
                    if (!v.equals(before) && (before != null || !k.equals("station"))) {
                        events.add(new Event(Instant.now(), "health", k + " " + (before == null ? "" : before + " -> ") + v));
                    }
                });
            }
        }
    }

    // ---- small helpers ----

    private static Duration pct(Duration d, int percent) {
        return Duration.ofMillis(d.toMillis() * percent / 100);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void sleepUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            Thread.sleep(ms); // pacing: the drill's timeline
        }
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static String human(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
