package org.openinfusion.station.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.storage.JournalEntries;
import org.openinfusion.station.storage.LineProtocol;
import org.openinfusion.station.storage.compact.CompactEncoder;
import org.openinfusion.station.storage.journal.DurableJournal;
import org.openinfusion.station.storage.journal.JournalEntry;
import org.openinfusion.testing.TempFolders;

/**
 * Figures for docs/storage.md ("Durable buffer"): the journal's bytes per sample for the full bed profile in the
 * compact encoding (and in the line protocol of earlier versions), the append rate with fsync group commit, the
 * encode and drain-side decode rates, and how long an InfluxDB outage the default bound rides out per bed count.
 * The messages are those the station receives: per bed and 256 ms one chunk per waveform stream (3 ECG leads at
 * 500 Hz, pleth 125 Hz, CO2 62.5 Hz), every second the monitor's five vitals (NIBP every 5 minutes), every 2 s the
 * pump's status. Run with {@code bin/benchmark journal [beds=32] [seconds=60]}.
 */
public final class JournalBenchmark {
    private static final double TARGET_BYTES = 8;
    private static final double AIM_BYTES = 6;
    private static final double TARGET_APPEND = 2_000_000;
    private static final int[] BED_COUNTS = {1, 4, 8, 16, 32};

    record Message(List<Observation> observations, int values) {
    }

    private JournalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int beds = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        long bound = StationConfig.from(Settings.defaultsWith(Map.of())).buffer().maxBytes();
        System.out.printf("journal benchmark: %d beds x %d s of the full profile, %d cores, load average %s%n",
                beds, seconds, Runtime.getRuntime().availableProcessors(), loadAverage());
        List<Message> messages = profile(beds, seconds);
        long samples = messages.stream().mapToLong(Message::values).sum();
        System.out.printf("  %,d messages, %,d samples (%,.1f samples per bed-second)%n", messages.size(), samples,
                (double) samples / beds / seconds);

        long start = System.nanoTime();
        List<byte[]> entries = new ArrayList<>(messages.size());
        for (Message m : messages) {
            entries.add(CompactEncoder.observations(m.observations(), List.of()));
        }
        double encodeSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        long textBytes = 0;
        for (Message m : messages) {
            textBytes += LineProtocol.toLines(m.observations()).getBytes(StandardCharsets.UTF_8).length + 8;
        }
        double textSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  encode (one thread): %,.0f samples/s; line protocol of the same messages: %,.0f samples/s%n",
                samples / encodeSeconds, samples / textSeconds);

        Path root = Files.createTempDirectory("journal-bench-");
        try {
            long journalBytes;
            double appendSeconds;
            try (DurableJournal journal = DurableJournal.open(root.resolve("buffer"), bound, 64L << 20, CompactEncoder.FORMAT)) {
                start = System.nanoTime();
                List<CompletableFuture<?>> pending = new ArrayList<>(entries.size());
                for (byte[] e : entries) {
                    pending.add(journal.append(e));
                }
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                appendSeconds = (System.nanoTime() - start) / 1e9;
                journalBytes = directoryBytes(root.resolve("buffer"));
                start = System.nanoTime();
                long lines = drainToLines(journal);
                double decodeSeconds = (System.nanoTime() - start) / 1e9;
                if (lines != samples) {
                    throw new IllegalStateException("read back " + lines + " lines for " + samples + " samples");
                }
                System.out.printf("  append with fsync group commit: %,.0f samples/s (%,.0f entries/s, %.1f MB/s) (target >= %,.0f)%n",
                        samples / appendSeconds, entries.size() / appendSeconds, journalBytes / 1e6 / appendSeconds, TARGET_APPEND);
                System.out.printf("  read back and turned into line protocol (the drain's side, one thread): %,.0f samples/s%n",
                        samples / decodeSeconds);
            }
            double perSample = (double) journalBytes / samples;
            double textPerSample = (double) textBytes / samples;
            double bytesPerBedSecond = (double) journalBytes / beds / seconds;
            System.out.printf("  on disk: %,d bytes = %.2f bytes per sample (target <= %.0f, aim <= %.0f); "
                    + "line protocol of earlier versions: %.1f bytes per sample (%.1f x)%n",
                    journalBytes, perSample, TARGET_BYTES, AIM_BYTES, textPerSample, textPerSample / perSample);
            System.out.printf("  one bed writes %,.0f bytes/s into the buffer; the default bound (buffer.maxBytes) is %,d bytes%n",
                    bytesPerBedSecond, bound);
            System.out.println("  | beds | buffer growth | outage the default bound rides out | line protocol (earlier versions) |");
            for (int n : BED_COUNTS) {
                System.out.printf("  | %d | %.2f MB/s | %s | %s |%n", n, n * bytesPerBedSecond / 1e6,
                        hours(bound / (n * bytesPerBedSecond)), hours(bound / (n * textPerSample * samples / beds / seconds)));
            }
            double hoursAt8 = bound / (8 * bytesPerBedSecond) / 3600;
            boolean ok = perSample <= TARGET_BYTES && samples / appendSeconds >= TARGET_APPEND && hoursAt8 >= 24;
            System.out.printf("verdict: %s: %.2f bytes per sample (<= 8, aim <= 6), append %,.1f M samples/s (>= 2), "
                    + "8 beds ride out %.1f h (>= 24 h); load average %s%n", ok ? "MET" : "NOT MET", perSample,
                    samples / appendSeconds / 1e6, hoursAt8, loadAverage());
        } finally {
            TempFolders.deleteTree(root);
        }
    }

    /** Reads every entry back as the drain does and counts the lines; commits as it goes. */
    private static long drainToLines(DurableJournal journal) throws IOException, InterruptedException {
        long lines = 0;
        List<JournalEntry> batch;
        while (!(batch = journal.nextBatch(64 << 10, 0)).isEmpty()) {
            StringBuilder text = new StringBuilder(1 << 20);
            for (JournalEntry e : batch) {
                JournalEntries.appendLines(e, text);
            }
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lines++;
                }
            }
            journal.commit(batch.getLast().end());
        }
        return lines;
    }

    static String hours(double seconds) {
        double h = seconds / 3600;
        return h >= 48 ? String.format("%.1f days", h / 24) : h >= 1 ? String.format("%.1f h", h) : String.format("%.0f min", h * 60);
    }

    /** The machine's load average (1, 5, 15 minutes) from /proc/loadavg, so that a noisy run is visible. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long directoryBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().startsWith("segment-")) {
                    total += Files.size(p);
                }
            }
            return total;
        }
    }

    /** The messages of {@code beds} beds over {@code seconds}, in arrival order. */
    static List<Message> profile(int beds, int seconds) {
        record Wave(org.openinfusion.station.domain.Stream stream, double rate, int size) {
        }
        List<Wave> waves = List.of(new Wave(org.openinfusion.station.domain.Stream.ECG_I, 500, 128),
                new Wave(org.openinfusion.station.domain.Stream.ECG_II, 500, 128),
                new Wave(org.openinfusion.station.domain.Stream.ECG_III, 500, 128),
                new Wave(org.openinfusion.station.domain.Stream.PLETH, 125, 32),
                new Wave(org.openinfusion.station.domain.Stream.CO2, 62.5, 16));
        Random random = new Random(20261204);
        long startMicros = Instant.parse("2026-12-04T08:00:00Z").toEpochMilli() * 1000;
        long firstSeq = 3_000_000;
        List<Message> out = new ArrayList<>();
        int slots = seconds * 1000 / 256;
        for (int slot = 0; slot < slots; slot++) {
            long slotMicros = startMicros + slot * 256_000L;
            for (int bed = 1; bed <= beds; bed++) {
                DeviceRef monitor = new DeviceRef(String.format("bed-%02d", bed), "monitor");
                DeviceRef pump = new DeviceRef(String.format("bed-%02d", bed), "pump");
                for (Wave w : waves) {
                    float[] v = new float[w.size()];
                    for (int i = 0; i < v.length; i++) {
                        double t = (slot * w.size() + i) / w.rate();
                        v[i] = (float) (Math.sin(t * 2 * Math.PI * 1.2) + 0.05 * random.nextGaussian());
                    }
                    out.add(new Message(List.of(new WaveformChunk(monitor, w.stream(), w.rate(), instant(slotMicros),
                            instant(slotMicros + 256_000 + random.nextInt(40_000)), firstSeq + (long) slot * w.size(), v)), v.length));
                }
                long previousSecond = (slotMicros - startMicros - 1) / 1_000_000;
                long second = (slotMicros + 256_000 - startMicros - 1) / 1_000_000;
                if (second != previousSecond || slot == 0) {
                    out.add(numerics(monitor, random, slotMicros, second, firstSeq));
                    if (second % 2 == 0) {
                        out.add(pumpStatus(pump, random, slotMicros, second, firstSeq));
                    }
                }
            }
        }
        return out;
    }

    private static Message numerics(DeviceRef monitor, Random r, long micros, long second, long seq) {
        Instant t = instant(micros);
        Instant rx = instant(micros + 5_000 + r.nextInt(20_000));
        List<Observation> o = new ArrayList<>(List.of(
                new NumericSample(monitor, org.openinfusion.station.domain.Stream.HR, 70 + r.nextInt(10), t, rx, seq + second),
                new NumericSample(monitor, org.openinfusion.station.domain.Stream.SPO2, 95 + r.nextInt(5), t, rx, seq + second),
                new NumericSample(monitor, org.openinfusion.station.domain.Stream.PULSE_RATE, 70 + r.nextInt(10), t, rx, seq + second),
                new NumericSample(monitor, org.openinfusion.station.domain.Stream.ETCO2, 35 + r.nextInt(6), t, rx, seq + second),
                new NumericSample(monitor, org.openinfusion.station.domain.Stream.RESP_RATE, 12 + r.nextInt(6), t, rx, seq + second)));
        if (second % 300 == 0) {
            o.add(new NumericSample(monitor, org.openinfusion.station.domain.Stream.NIBP_SYS, 110 + r.nextInt(20), t, rx, seq + second / 300));
            o.add(new NumericSample(monitor, org.openinfusion.station.domain.Stream.NIBP_DIA, 65 + r.nextInt(15), t, rx, seq + second / 300));
            o.add(new NumericSample(monitor, org.openinfusion.station.domain.Stream.NIBP_MEAN, 80 + r.nextInt(15), t, rx, seq + second / 300));
        }
        return new Message(o, o.size());
    }

    private static Message pumpStatus(DeviceRef pump, Random r, long micros, long second, long seq) {
        Instant t = instant(micros);
        Instant rx = instant(micros + 3_000 + r.nextInt(10_000));
        double infused = Math.round(second * 12.5 / 3600 * 100) / 100.0;
        List<Observation> o = List.of(
                new NumericSample(pump, org.openinfusion.station.domain.Stream.PUMP_RATE, 12.5, t, rx, seq + second / 2),
                new NumericSample(pump, org.openinfusion.station.domain.Stream.PUMP_VOLUME_INFUSED, infused, t, rx, seq + second / 2),
                new NumericSample(pump, org.openinfusion.station.domain.Stream.PUMP_VOLUME_TO_BE_INFUSED, 50 - infused, t, rx, seq + second / 2),
                new StateSample(pump, org.openinfusion.station.domain.Stream.PUMP_STATE, "infusing", t, rx, seq + second / 2),
                new StateSample(pump, org.openinfusion.station.domain.Stream.PUMP_ALARM, "none", t, rx, seq + second / 2));
        return new Message(o, o.size());
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
