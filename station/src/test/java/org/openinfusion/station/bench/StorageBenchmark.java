package org.openinfusion.station.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.openinfusion.station.config.InfluxConfig;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.process.Binaries;
import org.openinfusion.station.process.LocalInfluxd;
import org.openinfusion.station.storage.LineProtocol;
import org.openinfusion.station.storage.StorageDrain;
import org.openinfusion.station.storage.compact.CompactEncoder;
import org.openinfusion.station.storage.influx.InfluxPointWriter;
import org.openinfusion.station.storage.journal.DurableJournal;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.TempFolders;

/**
 * Storage figures for docs/storage.md, against a private influxd: line-protocol encoding, the raw
 * influxdb-java write ceiling, the station's own path (durable buffer with fsync, then the drain)
 * on the same points, and the packed-chunk alternative, with bytes on disk per sample.
 * Run with {@code bin/benchmark storage [samples]}.
 */
public final class StorageBenchmark {
    private static final int BEDS = 32;
    private static final int RAW_BATCH = 5000;

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long samples = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000;
        Path root = Files.createTempDirectory("storage-bench-");
        Path binary = Binaries.find("influxd", System.getenv("PATH")).orElseThrow(() -> new IllegalStateException("influxd missing"));
        List<WaveformChunk> chunks = chunks(samples);
        long n = chunks.stream().mapToLong(WaveformChunk::valueCount).sum();
        System.out.printf("storage benchmark: %,d waveform samples from %d beds x 5 streams (%,d chunks), %d cores%n",
                n, BEDS, chunks.size(), Runtime.getRuntime().availableProcessors());
        try (LocalInfluxd influxd = LocalInfluxd.start(binary, root.resolve("influxd"), Duration.ofSeconds(2))) {
            List<String> batches = encode(chunks);
            double raw = raw(influxd, "bench_raw", batches, n);
            double station = station(influxd, root, chunks, n);
            System.out.printf("  station / raw ceiling: %.2f (target >= 0.70)%n", station / raw);
            packed(influxd, chunks, n);
            for (String db : List.of("bench_raw", "bench_station", "bench_packed")) {
                Path data = root.resolve("influxd/data").resolve(db);
                long[] last = {-1};
                // snapshotted and settled: the TSM size is non-zero and unchanged since the previous look (1 s apart)
                Eventually.waitUntil(Duration.ofSeconds(90), db + " snapshotted to TSM", () -> {
                    long now = tsmBytesQuietly(data);
                    boolean settled = now > 0 && now == last[0];
                    last[0] = now;
                    if (!settled) {
                        pause(1000); // pacing: "settled" means unchanged between two looks a second apart
                    }
                    return settled;
                });
            }
            System.out.println("  (TSM measured after the cache was snapshotted; WAL excluded)");
            for (String db : List.of("bench_raw", "bench_station", "bench_packed")) {
                long bytes = tsmBytes(root.resolve("influxd/data").resolve(db));
                System.out.printf("  on disk %-14s %,12d bytes TSM = %.2f bytes per sample%n", db, bytes, (double) bytes / n);
            }
        } finally {
            TempFolders.deleteTree(root);
        }
    }

    static List<WaveformChunk> chunks(long samples) {
        record Spec(org.openinfusion.station.domain.Stream stream, double rate, int size) {
        }
        List<Spec> specs = List.of(new Spec(org.openinfusion.station.domain.Stream.ECG_I, 500, 128),
                new Spec(org.openinfusion.station.domain.Stream.ECG_II, 500, 128), new Spec(org.openinfusion.station.domain.Stream.ECG_III, 500, 128),
                new Spec(org.openinfusion.station.domain.Stream.PLETH, 125, 32), new Spec(org.openinfusion.station.domain.Stream.CO2, 62.5, 16));
        Random random = new Random(1);
        Instant start = Instant.now().minus(Duration.ofDays(1));
        List<WaveformChunk> out = new ArrayList<>();
        long total = 0;
        for (int step = 0; total < samples; step++) {
            Instant t = start.plusMillis(256L * step);
            for (int bed = 1; bed <= BEDS; bed++) {
                DeviceRef src = new DeviceRef(String.format("bed-%02d", bed), "monitor");
                for (Spec s : specs) {
                    float[] v = new float[s.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (Math.sin((step * s.size() + i) / s.rate() * 2 * Math.PI) + 0.05 * random.nextGaussian());
                    }
                    out.add(new WaveformChunk(src, s.stream(), s.rate(), t, t, (long) step * s.size(), v));
                    total += v.length;
                }
            }
        }
        return out;
    }

    static List<String> encode(List<WaveformChunk> chunks) {
        long start = System.nanoTime();
        List<String> batches = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        int lines = 0;
        for (WaveformChunk c : chunks) {
            LineProtocol.append(c, b);
            lines += c.valueCount();
            if (lines >= RAW_BATCH) {
                batches.add(b.toString());
                b.setLength(0);
                lines = 0;
            }
        }
        if (lines > 0) {
            batches.add(b.toString());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long n = chunks.stream().mapToLong(WaveformChunk::valueCount).sum();
        System.out.printf("  line protocol encoding: %,.0f points/s on one core%n", n / seconds);
        return batches;
    }

    static double raw(LocalInfluxd influxd, String db, List<String> batches, long n) {
        try (InfluxDB influx = InfluxDBFactory.connect(influxd.url(), influxd.admin().username(), influxd.admin().password())) {
            influx.query(new Query("CREATE DATABASE " + db));
            long[] latencies = new long[batches.size()];
            long start = System.nanoTime();
            for (int i = 0; i < batches.size(); i++) {
                long t0 = System.nanoTime();
                influx.write(db, "autogen", InfluxDB.ConsistencyLevel.ONE, TimeUnit.NANOSECONDS, batches.get(i)); // LineProtocol's precision
                latencies[i] = System.nanoTime() - t0;
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            Arrays.sort(latencies);
            System.out.printf("  raw influxdb-java ceiling, 1 writer, %d points/batch: %,.0f points/s, write p50 %.1f ms, p99 %.1f ms%n",
                    RAW_BATCH, rate, latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6);
            return rate;
        }
    }

    static double station(LocalInfluxd influxd, Path root, List<WaveformChunk> chunks, long n) throws Exception {
        InfluxConfig config = StationConfig.from(Settings.defaultsWith(Map.of("influx.url", influxd.url(),
                "influx.database", "bench_station", "station.dataDir", root.toString(), "influx.username", influxd.admin().username(),
                "influx.password", influxd.admin().password()))).influx();
        try (DurableJournal journal = DurableJournal.open(root.resolve("buffer"), 8L << 30, 64L << 20, CompactEncoder.FORMAT);
             InfluxPointWriter writer = new InfluxPointWriter(config)) {
            long start = System.nanoTime();
            List<CompletableFuture<?>> pending = new ArrayList<>();
            for (WaveformChunk c : chunks) {
                pending.add(journal.append(CompactEncoder.observations(List.of(c), List.of())));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            double appendSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  durable buffer append (fsync group commit): %,.0f chunks/s = %,.0f samples/s, %,.0f MB/s%n",
                    chunks.size() / appendSeconds, n / appendSeconds, journal.pendingBytes() / 1e6 / appendSeconds);
            long drainStart = System.nanoTime();
            try (StorageDrain drain = new StorageDrain(journal, writer, config.batchBytes(), root.resolve("dead.lp"))) {
                Eventually.waitUntil(Duration.ofHours(1), "the drain writing every line", () -> drain.linesWritten() >= n);
                double seconds = (System.nanoTime() - drainStart) / 1e9;
                double rate = n / seconds;
                System.out.printf("  station drain, saturated (buffer -> influxd, %d KiB batches): %,.0f points/s, mean write %.1f ms, backlog left %d bytes%n",
                        config.batchBytes() >> 10, rate, drain.writeNanosTotal() / 1e6 / drain.batchesWritten(), journal.pendingBytes());
                return rate;
            }
        }
    }

    static void packed(LocalInfluxd influxd, List<WaveformChunk> chunks, long n) {
        try (InfluxDB influx = InfluxDBFactory.connect(influxd.url(), influxd.admin().username(), influxd.admin().password())) {
            influx.query(new Query("CREATE DATABASE bench_packed"));
            long start = System.nanoTime();
            StringBuilder b = new StringBuilder();
            int points = 0;
            for (WaveformChunk c : chunks) {
                ByteBuffer buf = ByteBuffer.allocate(4 * c.valueCount());
                for (int i = 0; i < c.valueCount(); i++) {
                    buf.putFloat(c.sample(i));
                }
                b.append("chunk,bed=").append(c.source().bedId()).append(",stream=").append(c.stream().key())
                        .append(" b=\"").append(Base64.getEncoder().encodeToString(buf.array())).append("\",seq=")
                        .append(c.seq()).append("i,n=").append(c.valueCount()).append("i ")
                        .append(LineProtocol.micros(c.deviceTime())).append('\n');
                if (++points == RAW_BATCH) {
                    influx.write("bench_packed", "autogen", InfluxDB.ConsistencyLevel.ONE, TimeUnit.MICROSECONDS, b.toString());
                    b.setLength(0);
                    points = 0;
                }
            }
            if (points > 0) {
                influx.write("bench_packed", "autogen", InfluxDB.ConsistencyLevel.ONE, TimeUnit.MICROSECONDS, b.toString());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  packed chunks (one point per chunk, base64 float32): %,.0f samples/s (samples not individually queryable)%n", n / seconds);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // pacing: see the caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long tsmBytesQuietly(Path dir) {
        try {
            return tsmBytes(dir);
        } catch (IOException e) {
            return 0;
        }
    }

    static long tsmBytes(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".tsm")).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
