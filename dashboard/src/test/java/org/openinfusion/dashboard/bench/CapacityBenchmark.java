package org.openinfusion.dashboard.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.health.HealthSnapshot;
import org.openinfusion.testing.Eventually;

/**
 * Capacity and memory of the whole data path (performance.md, targets 1 and 5): a private mosquitto
 * and influxd, the station, and N simulated beds of the full profile publishing in real time from a
 * separate JVM. Beds are added in phases (8, 16, then N, each phase one minute by default) and N beds are
 * then held for M minutes. Afterwards the simulators stop, the broker's acknowledgements and the
 * station's buffer are awaited, and InfluxDB is counted per bed and stream (count(seq) and
 * count(distinct(seq))) against what the simulator produced. Prints figures; asserts nothing.
 * Run with {@code bin/benchmark capacity [beds=32] [minutes=10] [phase-seconds=60]}.
 */
public final class CapacityBenchmark {
    static final List<Integer> MEMORY_STEPS = List.of(8, 16, 32);
    private static final String[] MEASUREMENTS = {"waveform", "numeric", "state"};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private CapacityBenchmark() {
    }

    /**
     * @param beds beds held for {@code hold}
     * @param phases bed counts, ascending, the last equal to {@code beds}; each but the last lasts {@code phaseLength}
     * @param measureMemory heap after full GC at 0 beds and at the end of each phase (causes full collections)
     */
    record Options(int beds, Duration hold, Duration phaseLength, List<Integer> phases, boolean measureMemory, PrintStream out) {
        static Options of(int beds, Duration hold, Duration phaseLength, PrintStream out) {
            List<Integer> phases = new ArrayList<>(MEMORY_STEPS.stream().filter(n -> n < beds).toList());
            phases.add(beds);
            return new Options(beds, hold, phaseLength, List.copyOf(phases), true, out);
        }
    }

    /** Offered and stored for one stream of one bed. */
    record Count(String bed, String stream, long offered, long stored, long distinct) {
        long duplicates() {
            return stored - distinct;
        }

        long missing() {
            return Math.max(0, offered - distinct);
        }

        double ratio() {
            return offered == 0 ? (distinct == 0 ? 1.0 : Double.POSITIVE_INFINITY) : (double) distinct / offered;
        }
    }

    /** What a run measured. */
    record Result(List<Count> counts, long offered, long delivered, long duplicates, long missing,
                  Optional<Count> worst, int largestZeroLossBeds, boolean allAcknowledged, long maxBacklogBytes,
                  double ingestPerSecond, double storedPerSecond, Map<Integer, Long> heapAfterGc, long[] gcPauses,
                  long simulatorLagMillis, double stationCores, double influxdCores, double diskBytesPerSample, double drainSeconds) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("search")) {
            search(args);
            return;
        }
        int beds = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        double minutes = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        long phaseSeconds = args.length > 2 ? Long.parseLong(args[2]) : 60;
        if (beds < 1 || minutes <= 0 || phaseSeconds < 15) {
            System.err.println("usage: bin/benchmark capacity [beds>=1, default 32] [minutes>0, default 10] [phase-seconds>=15, default 60]");
            System.exit(2);
        }
        Result r = run(Options.of(beds, Duration.ofMillis(Math.round(minutes * 60_000)), Duration.ofSeconds(phaseSeconds), System.out));
        System.exit(r == null ? 1 : 0);
    }

    /** A bed count counts as held when the store had everything this long after the broker's last acknowledgement. */
    static final int KEPT_UP_SECONDS = 60;

    /**
     * The largest zero-loss bed count: one fresh run per bed count (all beds at once, held {@code minutes}, no memory
     * phases; held means nothing lost and the journal drained within {@link #KEPT_UP_SECONDS} of the end), doubling from {@code from} while clean (up to {@code max}), then halving the interval between the largest
     * clean and the smallest lossy count until it is at most {@code step} beds wide.
     */
    private static void search(String[] args) throws Exception {
        int from = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int max = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        double minutes = args.length > 3 ? Double.parseDouble(args[3]) : 2;
        int step = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        if (from < 1 || max < from || minutes <= 0 || step < 1) {
            System.err.println("usage: bin/benchmark capacity-search [from>=1, default 64] [max>=from, default 256] [hold-minutes>0, default 2] "
                    + "[step>=1, default 8]");
            System.exit(2);
        }
        Duration hold = Duration.ofMillis(Math.round(minutes * 60_000));
        PrintStream out = System.out;
        List<String> trials = new ArrayList<>();
        int clean = 0;
        int lossy = Integer.MAX_VALUE;
        int n = from;
        while (true) {
            out.printf("%n==== search: %d beds held %s ====%n", n, human(hold));
            Result r = run(new Options(n, hold, Duration.ofSeconds(60), List.of(n), false, out));
            boolean zeroLoss = r.largestZeroLossBeds() == n;
            boolean keptUp = r.drainSeconds() <= KEPT_UP_SECONDS;
            boolean ok = zeroLoss && keptUp;
            trials.add(String.format(Locale.ROOT, "%4d beds: %s (missing %,d, duplicates %,d, all acknowledged %s, stored %.0f s after the last "
                            + "acknowledgement, simulator behind real time by up to %,d ms, journal backlog max %s, station %.2f cores, influxd %.2f cores, "
                            + "%.2f bytes per sample in InfluxDB)",
                    n, !zeroLoss ? "LOSS" : keptUp ? "zero loss, kept up" : "zero loss but the store fell behind", r.missing(), r.duplicates(),
                    r.allAcknowledged() ? "yes" : "NO", r.drainSeconds(), r.simulatorLagMillis(), bytes(r.maxBacklogBytes()), r.stationCores(),
                    r.influxdCores(), r.diskBytesPerSample()));
            if (ok) {
                clean = n;
            } else {
                lossy = n;
            }
            int next;
            if (lossy == Integer.MAX_VALUE) {
                next = Math.min(max, 2 * n);
            } else {
                next = clean + (lossy - clean) / 2;
            }
            if (next == n || (lossy != Integer.MAX_VALUE && lossy - clean <= step) || (ok && n >= max)) {
                break;
            }
            n = next;
        }
        out.printf("%nsearch (holds of %s, each a fresh start of every server; load average now %.2f):%n", human(hold),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        trials.forEach(t -> out.println("  " + t));
        out.printf("largest zero-loss bed count (nothing lost, everything stored within %d s of the end): %s%s%n", KEPT_UP_SECONDS,
                clean == 0 ? "none" : String.valueOf(clean), lossy == Integer.MAX_VALUE ? " (the largest tried)" : " (" + lossy + " did not)");
        System.exit(0);
    }

    static Result run(Options o) throws Exception {
        try (BenchServers servers = BenchServers.create("capacity-bench")) {
            return run(o, o.out(), servers);
        }
    }

    private static Result run(Options o, PrintStream out, BenchServers servers) throws Exception {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        out.printf(Locale.ROOT, "capacity benchmark %s UTC: %d cores, %.1f GiB RAM, Java %s, collectors %s, max heap %d MiB, load average %.2f%n",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0).toLocalDateTime()),
                os.getAvailableProcessors(), os.getTotalMemorySize() / (double) (1L << 30), Runtime.version(), GcWatch.collectorNames(),
                GcWatch.maxHeap() >> 20, os.getSystemLoadAverage());
        out.printf("  plan: beds %s (phases of %d s), then %d beds held %s; full profile per bed: ECG I/II/III 500 Hz, pleth 125 Hz, "
                        + "CO2 62.5 Hz, monitor numerics 1/s, NIBP, pump; private mosquitto and influxd; simulators in their own JVM%n",
                o.phases(), o.phaseLength().toSeconds(), o.beds(), human(o.hold()));

        servers.startMosquitto();
        servers.startInfluxd();
        Map<String, String> s = servers.stationSettings("capacity-station");
        s.put("health.publishInterval", "1s");
        StationConfig config = StationConfig.from(Settings.defaultsWith(s));
        StationApp station = servers.closeLater(StationApp.start(config, Clock.systemUTC(), Vertx.vertx()), StationApp::close);
        Eventually.waitUntil(Duration.ofSeconds(30), "station subscribed to the broker", () -> station.health().brokerConnected());
        SimulatorProcess sim = servers.startSimulators();
        InfluxDB influx = servers.influxClient();
        List<Integer> phases = o.phases();

        // memory at 0 beds, then the timeline
        Map<String, long[]> heap = new LinkedHashMap<>();
        Map<Integer, Long> heapAtBeds = new TreeMap<>();
        if (o.measureMemory()) {
            Thread.sleep(2000); // pacing: start-up allocation settles before the idle heap is measured
            long[] h0 = GcWatch.heapAfterFullGc();
            heap.put("0 beds (station idle)", h0);
            heapAtBeds.put(0, h0[0]);
        }
        GcWatch gc = servers.closeLater(new GcWatch(), GcWatch::close);
        Instant t0 = Instant.now().plusSeconds(1);
        Instant[] phaseStart = new Instant[phases.size()];
        for (int k = 0; k < phases.size(); k++) {
            phaseStart[k] = t0.plus(o.phaseLength().multipliedBy(k));
        }
        Instant end = phaseStart[phases.size() - 1].plus(o.hold());
        Sampler sampler = new Sampler(station, sim, phases.size(), t0, out);
        gc.startRecording();
        sampler.start();
        Instant[] actualStart = new Instant[phases.size()];
        Snapshot rateFrom = null;
        for (int k = 0; k < phases.size(); k++) {
            sleepUntil(phaseStart[k]);
            int added = phases.get(k) - (k == 0 ? 0 : phases.get(k - 1));
            actualStart[k] = Instant.now();
            sampler.phase(k, phases.get(k));
            sim.addBeds("cap" + (k + 1), added, 100 + k, end);
            out.printf("  %s +%s  %d beds (added %d as cap%d-01..%02d, all connected)%n", CLOCK.format(Instant.now()),
                    mmss(Duration.between(t0, Instant.now())), phases.get(k), added, k + 1, added);
            boolean last = k == phases.size() - 1;
            if (!last) {
                if (o.measureMemory()) {
                    sleepUntil(phaseStart[k + 1].minusSeconds(6));
                    long[] h = GcWatch.heapAfterFullGc();
                    heap.put(phases.get(k) + " beds (end of phase)", h);
                    heapAtBeds.put(phases.get(k), h[0]);
                }
                continue;
            }
            Instant warm = actualStart[k].plus(min(Duration.ofSeconds(15), o.hold().dividedBy(4)));
            Instant midMeasure = actualStart[k].plus(o.phaseLength()).minusSeconds(6);
            boolean measureMid = o.measureMemory() && midMeasure.isBefore(end.minusSeconds(40)) && midMeasure.isAfter(warm);
            sleepUntil(warm);
            rateFrom = Snapshot.take(station, sim, servers);
            if (measureMid) {
                sleepUntil(midMeasure);
                long[] h = GcWatch.heapAfterFullGc();
                heap.put(phases.get(k) + " beds (after " + o.phaseLength().toSeconds() + " s)", h);
                heapAtBeds.put(phases.get(k), h[0]);
            }
            if (o.measureMemory()) {
                sleepUntil(end.minusSeconds(8));
                long[] h = GcWatch.heapAfterFullGc();
                heap.put(phases.get(k) + " beds (end of hold)", h);
                heapAtBeds.putIfAbsent(phases.get(k), h[0]);
            }
        }
        sleepUntil(end);
        Snapshot rateTo = Snapshot.take(station, sim, servers);
        gc.stopRecording();
        out.printf("  %s +%s  simulated time reached the end; waiting for the broker's acknowledgements%n", CLOCK.format(Instant.now()),
                mmss(Duration.between(t0, Instant.now())));
        sampler.simulatorDone();
        SimulatorProcess.Offered offered = sim.finish(Duration.ofMinutes(10));
        Instant acked = Instant.now();
        out.printf("  %s +%s  simulators stopped: broker acknowledged %s (%,d of %,d messages)%s; waiting for the station to drain%n",
                CLOCK.format(acked), mmss(Duration.between(t0, acked)), offered.allAcknowledged() ? "everything" : "NOT everything",
                offered.acknowledgedMessages(), offered.publishedMessages(), offered.failed() ? ", a simulator FAILED (see its log)" : "");
        String drained = awaitDrained(station, offered.total(), acked);
        Instant drainedAt = Instant.now();
        sampler.stop();
        out.printf("  %s +%s  %s, %.1f s after the acknowledgements; counting in InfluxDB%n", CLOCK.format(drainedAt),
                mmss(Duration.between(t0, drainedAt)), drained, Duration.between(acked, drainedAt).toMillis() / 1000.0);

        // count
        List<Count> counts = count(influx, config.influx().database(), offered.produced());
        HealthSnapshot last = station.health();
        long totalOffered = counts.stream().mapToLong(Count::offered).sum();
        long totalDistinct = counts.stream().mapToLong(Count::distinct).sum();
        long dups = counts.stream().mapToLong(Count::duplicates).sum();
        long missing = counts.stream().mapToLong(Count::missing).sum();
        Optional<Count> worst = counts.stream().min(Comparator.comparingDouble(Count::ratio).thenComparing(c -> -c.duplicates()));
        printStreams(out, counts);
        out.printf(Locale.ROOT, "  total: offered %,d, delivered %,d, delivered/offered %.6f, duplicates %,d, missing %,d%n",
                totalOffered, totalDistinct, totalOffered == 0 ? 0 : (double) totalDistinct / totalOffered, dups, missing);
        worst.ifPresent(w -> out.printf(Locale.ROOT, "  worst stream: %s/%s delivered/offered %.6f (%,d of %,d, duplicates %d)%n",
                w.bed(), w.stream(), w.ratio(), w.distinct(), w.offered(), w.duplicates()));
        out.printf("  station: rejects %s, sequence gaps %d, repeats %d, points dead-lettered %d%n",
                nonZero(last.rejects()), last.sequenceMissing(), last.sequenceRepeated(), last.pointsDeadLettered());

        double seconds = Duration.between(rateFrom.time(), rateTo.time()).toMillis() / 1000.0;
        double stationSeconds = Duration.between(rateFrom.stationTime(), rateTo.stationTime()).toMillis() / 1000.0;
        double ingest = (rateTo.received() - rateFrom.received()) / stationSeconds;
        double stored = (rateTo.written() - rateFrom.written()) / stationSeconds;
        double offeredRate = (rateTo.simAcked() - rateFrom.simAcked()) / seconds;
        out.printf(Locale.ROOT, "  samples/s sustained at %d beds over %.0f s: offered %,.0f (acknowledged by the broker), received by the station %,.0f, "
                + "written to InfluxDB %,.0f%n", o.beds(), seconds, offeredRate, ingest, stored);
        out.printf(Locale.ROOT, "  journal backlog: max %s at +%s (%d beds); max per phase %s; at the end of the hold %s; drained %.1f s after the last acknowledgement%n",
                bytes(sampler.maxBacklog), mmss(sampler.maxBacklogAt), sampler.maxBacklogBeds, sampler.perPhase(phases),
                bytes(rateTo.backlog()), Duration.between(acked, drainedAt).toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  simulator: fell behind real time by at most %d ms (beyond each bed set's start-up offset), max messages awaiting the broker's PUBACK %,d%n",
                sampler.maxLag, sampler.maxOutstanding);
        double stationCores = (rateTo.cpuStation() - rateFrom.cpuStation()) / 1e9 / seconds;
        double influxdCores = (rateTo.cpuInfluxd() - rateFrom.cpuInfluxd()) / 1e9 / seconds;
        out.printf(Locale.ROOT, "  CPU over the hold (cores of %d): station JVM %.2f, simulators %.2f, mosquitto %.2f, influxd %.2f; load average %.2f%n",
                os.getAvailableProcessors(), stationCores, (rateTo.cpuSim() - rateFrom.cpuSim()) / 1e9 / seconds,
                (rateTo.cpuMosquitto() - rateFrom.cpuMosquitto()) / 1e9 / seconds, influxdCores, os.getSystemLoadAverage());
        long influxBytes = servers.bytesUnder("influxd");
        out.printf(Locale.ROOT, "  cost per bed at %d beds: station JVM %.4f cores, influxd %.4f cores; InfluxDB on disk %s for %,d stored values "
                        + "= %.2f bytes per sample (data, WAL and index as influxd left them after the drain, before a full compaction)%n",
                o.beds(), stationCores / o.beds(), influxdCores / o.beds(), bytes(influxBytes), totalDistinct,
                totalDistinct == 0 ? 0 : influxBytes / (double) totalDistinct, Duration.between(acked, drainedAt).toMillis() / 1000.0);

        // largest zero-loss bed count: the whole run, and for earlier phases their own time window
        boolean totalClean = missing == 0 && dups == 0 && offered.allAcknowledged() && totalDistinct == totalOffered;
        int largest = 0;
        List<String> windows = new ArrayList<>();
        for (int k = 0; k < phases.size() - 1; k++) {
            Instant from = actualStart[k].plusSeconds(2);
            Instant to = actualStart[k + 1];
            long[] gaps = windowGaps(influx, config.influx().database(), from, to);
            windows.add(String.format("%d beds: %d missing, %d duplicates", phases.get(k), gaps[0], gaps[1]));
            if (gaps[0] == 0 && gaps[1] == 0 && largest == k0(phases, k)) {
                largest = phases.get(k);
            }
        }
        if (totalClean && largest == k0(phases, phases.size() - 1)) {
            largest = o.beds();
        }
        out.printf("  largest zero-loss bed count: %s (measured at %s beds%s)%n", largest == 0 ? "none" : String.valueOf(largest),
                phases, windows.isEmpty() ? "; only one bed count was measured"
                        : "; earlier phases checked for sequence gaps and duplicates inside their own time windows: " + String.join(", ", windows)
                        + "; " + o.beds() + " beds: the whole run counted");

        // memory
        long[] pauses = gc.pauses();
        if (o.measureMemory()) {
            out.println("memory (station JVM only; heap after full GC = least of 3 x [System.gc(), MemoryMXBean heap used]):");
            List<Map.Entry<String, long[]>> entries = new ArrayList<>(heap.entrySet());
            for (int i = 0; i < entries.size(); i++) {
                var e = entries.get(i);
                String growth = "";
                if (i > 0) {
                    int n = bedsOf(e.getKey());
                    int before = bedsOf(entries.get(i - 1).getKey());
                    double delta = (e.getValue()[0] - entries.get(i - 1).getValue()[0]) / (double) (1 << 20);
                    growth = n == before ? String.format(Locale.ROOT, "   %+.1f MiB since the previous measurement (same beds)", delta)
                            : String.format(Locale.ROOT, "   %+.2f MiB per added bed", delta / (n - before));
                }
                out.printf(Locale.ROOT, "  %-28s %8.1f MiB (3 rounds within %.1f MiB)%s%n", e.getKey(), e.getValue()[0] / (double) (1 << 20),
                        (e.getValue()[1] - e.getValue()[0]) / (double) (1 << 20), growth);
            }
            List<Integer> measured = heapAtBeds.keySet().stream().filter(n -> n > 0).toList();
            if (measured.size() >= 2) {
                int a = measured.getFirst();
                int b = measured.getLast();
                out.printf(Locale.ROOT, "  per added bed from %d to %d beds: %.2f MiB (target <= 16)%n", a, b,
                        (heapAtBeds.get(b) - heapAtBeds.get(a)) / (double) (1 << 20) / (b - a));
            }
            if (!measured.isEmpty()) {
                int b = measured.getLast();
                out.printf(Locale.ROOT, "  per bed from 0 to %d beds: %.2f MiB%n", b, (heapAtBeds.get(b) - heapAtBeds.get(0)) / (double) (1 << 20) / b);
            }
        }
        out.printf(Locale.ROOT, "GC pauses over the run (GarbageCollectorMXBean notifications, whole ms, the benchmark's System.gc() left out): "
                        + "%d pauses, p50 %s, p99 %s, max %s (target p99 <= 20 ms)%n",
                pauses.length, ms(GcWatch.percentile(pauses, 0.5)), ms(GcWatch.percentile(pauses, 0.99)),
                ms(pauses.length == 0 ? 0 : pauses[pauses.length - 1]));
        gc.summary().forEach((k, v) -> out.printf("  %-52s %6d collections, longest %d ms%s%n", k, v[0], v[1],
                v[2] == 1 ? "" : " (concurrent cycles, not pauses)"));
        return new Result(counts, totalOffered, totalDistinct, dups, missing, worst, largest, offered.allAcknowledged(),
                sampler.maxBacklog, ingest, stored, heapAtBeds, pauses, sampler.maxLag, stationCores, influxdCores,
                totalDistinct == 0 ? 0 : influxBytes / (double) totalDistinct, Duration.between(acked, drainedAt).toMillis() / 1000.0);
    }

    private static int bedsOf(String label) {
        return Integer.parseInt(label.substring(0, label.indexOf(' ')));
    }

    /** The bed count before phase {@code k} (0 for the first): phase k can only extend a clean run. */
    private static int k0(List<Integer> phases, int k) {
        return k == 0 ? 0 : phases.get(k - 1);
    }

    // ---- waiting and sampling ----

    /** Until the station received at least what was produced, its buffer is empty and nothing moves; or it stalls. */
    private static String awaitDrained(StationApp station, long produced, Instant acked) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        long lastChange = System.nanoTime();
        long[] previous = null;
        while (Instant.now().isBefore(deadline)) {
            HealthSnapshot h = station.health();
            long received = h.valuesTotal().values().stream().mapToLong(Long::longValue).sum();
            long[] now = {received, h.bufferPendingBytes(), h.pointsWritten()};
            boolean fresh = h.time().isAfter(acked.plusSeconds(1));
            if (previous == null || !Arrays.equals(now, previous)) {
                lastChange = System.nanoTime();
            }
            boolean settled = previous != null && Arrays.equals(now, previous);
            previous = now;
            if (fresh && received >= produced && h.bufferPendingBytes() == 0 && settled) {
                return "station drained (received every value, buffer empty)";
            }
            if (fresh && System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(30)) {
                return String.format("station STALLED: received %,d of %,d values, buffer %d bytes, nothing moved for 30 s",
                        received, produced, h.bufferPendingBytes());
            }
            Thread.sleep(1100); // pacing: "settled" means unchanged between two looks a second apart
        }
        return "station NOT drained within 20 minutes";
    }

    private record Snapshot(Instant time, Instant stationTime, long received, long written, long backlog, long simAcked, long cpuStation,
                            long cpuSim, long cpuMosquitto, long cpuInfluxd) {
        static Snapshot take(StationApp station, SimulatorProcess sim, BenchServers servers) throws IOException, InterruptedException {
            HealthSnapshot h = station.health();
            long simAcked = sim.status().acknowledgedValues();
            var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Snapshot(Instant.now(), h.time(), h.valuesTotal().values().stream().mapToLong(Long::longValue).sum(), h.pointsWritten(),
                    h.bufferPendingBytes(), simAcked, os.getProcessCpuTime(), cpu(sim.pid()), cpu(servers.mosquitto().pid()),
                    cpu(servers.influxd().pid()));
        }

        private static long cpu(long pid) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
        }
    }

    /** Every second: the journal backlog (max overall and per phase); every 30 s a progress line. */
    private static final class Sampler {
        private final StationApp station;
        private final SimulatorProcess sim;
        private final Instant t0;
        private final PrintStream out;
        private final long[] phaseMax;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "capacity-sampler");
            t.setDaemon(true);
            return t;
        });
        private volatile int phase;
        private volatile int beds;
        private volatile boolean simulatorRunning = true;
        volatile long maxBacklog;
        volatile Duration maxBacklogAt = Duration.ZERO;
        volatile int maxBacklogBeds;
        volatile long maxLag;
        volatile long maxOutstanding;
        private long ticks;
        private long lastWritten = -1;
        private long lastReceived = -1;
        private Instant lastTime;

        Sampler(StationApp station, SimulatorProcess sim, int phases, Instant t0, PrintStream out) {
            this.station = station;
            this.sim = sim;
            this.t0 = t0;
            this.out = out;
            this.phaseMax = new long[phases];
        }

        void start() {
            timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }

        void phase(int k, int bedCount) {
            phase = k;
            beds = bedCount;
        }

        void simulatorDone() {
            simulatorRunning = false;
        }

        void stop() {
            timer.shutdownNow();
        }

        String perPhase(List<Integer> phases) {
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < phases.size(); k++) {
                parts.add(phases.get(k) + " beds " + bytes(phaseMax[k]));
            }
            return String.join(", ", parts);
        }

        private void tick() {
            try {
                HealthSnapshot h = station.health();
                long pending = h.bufferPendingBytes();
                Instant now = Instant.now();
                if (simulatorRunning) {
                    phaseMax[phase] = Math.max(phaseMax[phase], pending);
                }
                if (pending > maxBacklog) {
                    maxBacklog = pending;
                    maxBacklogAt = Duration.between(t0, now);
                    maxBacklogBeds = beds;
                }
                if (++ticks % 5 == 0 && simulatorRunning) {
                    SimulatorProcess.Status st = sim.status();
                    maxLag = Math.max(maxLag, st.lagMillis());
                    maxOutstanding = Math.max(maxOutstanding, st.outstandingMessages());
                    if (ticks % 30 == 0) {
                        long received = h.valuesTotal().values().stream().mapToLong(Long::longValue).sum();
                        String rates = "";
                        if (lastTime != null) {
                            double s = Duration.between(lastTime, now).toMillis() / 1000.0;
                            rates = String.format(Locale.ROOT, "received %,.0f/s, written %,.0f/s, ", (received - lastReceived) / s,
                                    (h.pointsWritten() - lastWritten) / s);
                        }
                        lastTime = now;
                        lastReceived = received;
                        lastWritten = h.pointsWritten();
                        out.printf(Locale.ROOT, "  %s +%s  %d beds: %sbacklog %s, simulator behind %d ms, awaiting PUBACK %,d, heap used %d MiB, load %.2f%n",
                                CLOCK.format(now), mmss(Duration.between(t0, now)), beds, rates, bytes(pending), st.lagMillis(),
                                st.outstandingMessages(), GcWatch.heapUsed() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                    }
                }
            } catch (Exception e) {
                out.println("  (sampler: " + e + ")");
            }
        }
    }

    // ---- counting in InfluxDB ----

    static List<Count> count(InfluxDB influx, String db, Map<String, Map<String, Long>> produced) {
        Map<String, Map<String, long[]>> stored = new TreeMap<>();
        for (String bed : produced.keySet()) {
            for (String m : MEASUREMENTS) {
                perStream(influx, db, "SELECT count(seq) FROM \"" + m + "\" WHERE bed = '" + bed + "' GROUP BY stream")
                        .forEach((stream, n) -> stored.computeIfAbsent(bed, b -> new TreeMap<>()).computeIfAbsent(stream, x -> new long[2])[0] += n);
                perStream(influx, db, "SELECT count(distinct(seq)) FROM \"" + m + "\" WHERE bed = '" + bed + "' GROUP BY stream")
                        .forEach((stream, n) -> stored.computeIfAbsent(bed, b -> new TreeMap<>()).computeIfAbsent(stream, x -> new long[2])[1] += n);
            }
        }
        List<Count> out = new ArrayList<>();
        for (var bed : produced.entrySet()) {
            Map<String, long[]> s = stored.getOrDefault(bed.getKey(), Map.of());
            TreeSet<String> streams = new TreeSet<>(bed.getValue().keySet());
            streams.addAll(s.keySet());
            for (String stream : streams) {
                long[] st = s.getOrDefault(stream, new long[2]);
                out.add(new Count(bed.getKey(), stream, bed.getValue().getOrDefault(stream, 0L), st[0], st[1]));
            }
        }
        return out;
    }

    /** Sequence gaps and duplicates of every bed's streams inside [from, to): {missing, duplicates}. */
    private static long[] windowGaps(InfluxDB influx, String db, Instant from, Instant to) {
        long missing = 0;
        long dups = 0;
        String where = " WHERE time >= '" + from + "' AND time < '" + to + "' GROUP BY bed, stream";
        for (String m : MEASUREMENTS) {
            Map<String, List<Object>> stats = perSeries(influx, db, "SELECT count(seq), min(seq), max(seq) FROM \"" + m + "\"" + where);
            Map<String, List<Object>> distinct = perSeries(influx, db, "SELECT count(distinct(seq)) FROM \"" + m + "\"" + where);
            for (var e : stats.entrySet()) {
                long count = num(e.getValue().get(1));
                long span = num(e.getValue().get(3)) - num(e.getValue().get(2)) + 1;
                long d = Optional.ofNullable(distinct.get(e.getKey())).map(r -> num(r.get(1))).orElse(0L);
                missing += span - d;
                dups += count - d;
            }
        }
        return new long[] {missing, dups};
    }

    private static Map<String, Long> perStream(InfluxDB influx, String db, String q) {
        Map<String, Long> out = new TreeMap<>();
        perSeries(influx, db, q).forEach((tags, row) -> out.put(tags.substring(tags.indexOf('/') + 1), num(row.get(1))));
        return out;
    }

    /** First row of every series, keyed "bed/stream" (bed empty when not grouped by it). */
    static Map<String, List<Object>> perSeries(InfluxDB influx, String db, String q) {
        QueryResult r = influx.query(new Query(q, db));
        if (r.hasError() || r.getResults().getFirst().hasError()) {
            throw new IllegalStateException("InfluxDB: " + (r.hasError() ? r.getError() : r.getResults().getFirst().getError()) + " for " + q);
        }
        Map<String, List<Object>> out = new TreeMap<>();
        var series = r.getResults().getFirst().getSeries();
        if (series != null) {
            for (QueryResult.Series s : series) {
                Map<String, String> tags = s.getTags() == null ? Map.of() : s.getTags();
                out.put(tags.getOrDefault("bed", "") + "/" + tags.getOrDefault("stream", ""), s.getValues().getFirst());
            }
        }
        return out;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static void printStreams(PrintStream out, List<Count> counts) {
        Map<String, List<Count>> byStream = new TreeMap<>();
        counts.forEach(c -> byStream.computeIfAbsent(c.stream(), s -> new ArrayList<>()).add(c));
        out.printf("results (InfluxDB count(seq) and count(distinct(seq)) per bed and stream vs the simulator's produced count; %d beds):%n",
                counts.stream().map(Count::bed).distinct().count());
        out.printf("  %-12s %14s %14s %18s %11s  %s%n", "stream", "offered", "delivered", "delivered/offered", "duplicates", "worst bed");
        for (var e : byStream.entrySet()) {
            long off = e.getValue().stream().mapToLong(Count::offered).sum();
            long del = e.getValue().stream().mapToLong(Count::distinct).sum();
            long dup = e.getValue().stream().mapToLong(Count::duplicates).sum();
            Count w = e.getValue().stream().min(Comparator.comparingDouble(Count::ratio)).orElseThrow();
            out.printf(Locale.ROOT, "  %-12s %,14d %,14d %18.6f %,11d  %s %.6f%n", e.getKey(), off, del, off == 0 ? 0 : (double) del / off, dup,
                    w.bed(), w.ratio());
        }
    }

    // ---- small helpers ----

    private static void sleepUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            Thread.sleep(ms); // pacing: the benchmark's timeline
        }
    }

    /** A notified duration: whole milliseconds, so 0 means under 1 ms. */
    private static String ms(long millis) {
        return millis == 0 ? "< 1 ms" : millis + " ms";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String mmss(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format("%02d:%02d", s / 60, s % 60);
    }

    private static String human(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static String bytes(long b) {
        return b < 1 << 20 ? String.format(Locale.ROOT, "%.1f KiB", b / 1024.0) : String.format(Locale.ROOT, "%.1f MiB", b / (double) (1 << 20));
    }

    private static Map<String, Long> nonZero(Map<String, Long> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (v > 0) {
                out.put(k, v);
            }
        });
        return out;
    }
}
