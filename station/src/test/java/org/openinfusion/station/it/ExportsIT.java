package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.cli.ExportMain;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.export.ExportRequest;
import org.openinfusion.station.clinical.export.Exports;
import org.openinfusion.station.clinical.export.TrailBuilder;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoreUnavailableException;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.config.InfluxConfig;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.process.LocalInfluxd;
import org.openinfusion.station.storage.LineProtocol;
import org.openinfusion.station.storage.influx.InfluxPointWriter;
import org.openinfusion.station.storage.influx.InfluxTimeSeriesReader;
import org.openinfusion.station.testing.FakeSeries;

/**
 * The exports' time-series path against a real influxd: points written through the station's own line protocol and
 * writer are read back exactly (microsecond times, values, order) by {@link InfluxTimeSeriesReader}, the export command
 * writes the same vitals files from InfluxDB as from the in-memory store, and a store that does not answer fails fast.
 */
class ExportsIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    private static final String DATABASE = "exports_it";
    private static final Instant T = Instant.parse("2026-11-22T10:00:00.000001Z");
    private static final DeviceRef MONITOR = new DeviceRef("it-a", "monitor");
    private static final DeviceRef MONITOR_2 = new DeviceRef("it-a", "monitor-2");
    private static final List<StoredValue> WRITTEN = new ArrayList<>();

    /** Writes as the influxd's administrator, reads (review, exports) as its read-only user. */
    private static InfluxConfig config(String url, Duration timeout) {
        LocalInfluxd influxd = SERVERS.influxd();
        return StationConfig.from(Settings.defaultsWith(Map.of("influx.url", url, "influx.database", DATABASE,
                "influx.timeout", timeout.toMillis() + "ms", "influx.username", influxd.admin().username(),
                "influx.password", influxd.admin().password(), "influx.readUsername", influxd.reader().username(),
                "influx.readPassword", influxd.reader().password()))).influx();
    }

    /** The export command's station properties: the read-only user's credentials (the URL comes with --influx-url). */
    private static String readerProperties() throws IOException {
        Path file = SERVERS.newFolder("export-cli").resolve("station.properties");
        Files.writeString(file, "influx.readUsername=" + SERVERS.influxd().reader().username() + "\ninflux.readPassword="
                + SERVERS.influxd().reader().password() + "\n");
        return file.toString();
    }

    private static InfluxConfig config() {
        return config(SERVERS.influxd().url(), Duration.ofSeconds(10));
    }

    /** Known points on bed it-a (and a decoy on it-b), and the recorded session's vitals on bed-01. */
    @BeforeAll
    static void writeKnownPoints() throws IOException {
        SERVERS.influxd().grantRead(DATABASE);
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant t = T.plus(Duration.ofNanos(1_000_001_000L * i));
            observations.add(numeric(MONITOR, Stream.HR, 60 + i * 0.25, t, i));
            observations.add(numeric(MONITOR, Stream.SPO2, 97.5, t.plusNanos(3_000), i));
        }
        // eight values in one microsecond: two devices x four streams
        Instant same = T.plusSeconds(30);
        for (DeviceRef d : List.of(MONITOR, MONITOR_2)) {
            for (Stream s : List.of(Stream.HR, Stream.SPO2, Stream.NIBP_SYS, Stream.NIBP_DIA)) {
                observations.add(numeric(d, s, 90 + s.ordinal(), same, 100));
            }
        }
        observations.add(numeric(new DeviceRef("it-b", "monitor"), Stream.HR, 150, T, 1));
        observations.add(new WaveformChunk(MONITOR, Stream.ECG_II, 500, T, T, 1, new float[] {0.5f, -1.25f, 2f, 0f}));
        // ten seconds of ECG II at 250 Hz on the recorded session's bed, in one-second chunks (the edf-plus window)
        for (int c = 0; c < 10; c++) {
            float[] samples = new float[250];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = ecg(250 * c + i);
            }
            Instant at = EDF_FROM.plusSeconds(c);
            observations.add(new WaveformChunk(new DeviceRef(TrailBuilder.BED, "monitor"), Stream.ECG_II, 250, at, at, c, samples));
        }
        observations.forEach(o -> {
            if (o instanceof NumericSample n && n.source().bedId().equals("it-a")) {
                WRITTEN.add(new StoredValue(n.deviceTime(), n.source().deviceId(), n.stream(), n.value()));
            }
        });
        WRITTEN.sort(Comparator.comparing(StoredValue::time).thenComparing(StoredValue::stream).thenComparing(StoredValue::device));
        FakeSeries vitals = TrailBuilder.vitals();
        long seq = 0;
        for (FakeSeries.Stored s : vitals.all()) {
            StoredValue v = s.value();
            observations.add(numeric(new DeviceRef(s.bed(), v.device()), v.stream(), v.value(), v.time(), seq++));
        }
        try (InfluxPointWriter writer = new InfluxPointWriter(config())) {
            writer.prepare();
            writer.write(LineProtocol.toLines(observations));
            // a bed id no station device could have, written raw: a quote and a backslash
            writer.write("numeric,bed=it'q\\b,device=m,stream=hr,mdc=147842,unit=/min v=61,seq=1i,rx=1i " + LineProtocol.micros(T) + "\n");
        }
    }

    private static final Instant EDF_FROM = Instant.parse("2026-11-22T09:19:55Z");

    private static float ecg(int i) {
        return (float) (1.2 * Math.sin(i / 25.0));
    }

    @Test
    void theExportCommandWritesAnEdfPlusTimeWindowFromInfluxDb() throws IOException {
        TrailBuilder.Recorded trail = TrailBuilder.shared();
        Path dir = SERVERS.newFolder("edf");
        Path out = dir.resolve("window.edf");
        assertEquals(0, ExportMain.run(new String[] {"--audit", trail.file().toString(), "--format", "edf-plus", "--session",
                trail.first(), "--from", EDF_FROM.toString(), "--to", EDF_FROM.plusSeconds(10).toString(), "--influx-url",
                SERVERS.influxd().url(), "--database", DATABASE, "--config", readerProperties(), "--out", out.toString()}));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(out), left.toList(), "the file alone, no partial file left");
        }
        byte[] edf = Files.readAllBytes(out);
        String h = new String(edf, 0, 256 * 3, StandardCharsets.US_ASCII);
        assertEquals("09.19.55", h.substring(176, 184), "the window's start");
        assertEquals(2, Integer.parseInt(h.substring(252, 256).strip()), "ECG II and the annotations");
        assertEquals("ECG II", h.substring(256, 272).strip());
        assertEquals(11, Integer.parseInt(h.substring(236, 244).strip()), "one-second records, the end included");
        int annotationSamples = Integer.parseInt(h.substring(256 + 2 * (16 + 80 + 8 * 5 + 80) + 8, 256 + 2 * (16 + 80 + 8 * 5 + 80) + 16).strip());
        int recordBytes = 2 * (250 + annotationSamples);
        // every sample of the ten seconds as written to InfluxDB, within half a digital step of ECG's -20..20 mV
        for (int i = 0; i < 2500; i++) {
            int at = 256 * 3 + (i / 250) * recordBytes + 2 * (i % 250);
            short digital = ByteBuffer.wrap(edf, at, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
            assertEquals(ecg(i), (digital + 32768.0) / 65535 * 40 - 20, 40.0 / 65535 / 2 + 1e-6, "sample " + i);
        }
        assertTrue(new String(edf, StandardCharsets.UTF_8).contains("+5\u0014marker: emergence reaction"),
                "the marker at 09:20:00, 5 s into the window");
    }

    private static NumericSample numeric(DeviceRef d, Stream s, double v, Instant t, long seq) {
        return new NumericSample(d, s, v, t, t, seq);
    }

    private static final Set<Stream> FOUR = EnumSet.of(Stream.HR, Stream.SPO2, Stream.NIBP_SYS, Stream.NIBP_DIA);

    @Test
    void whatTheStationWroteIsReadBackExactlyInTimeOrder() {
        try (InfluxTimeSeriesReader reader = new InfluxTimeSeriesReader(config())) {
            // the whole window: every value, microsecond times, ties ordered by stream then device
            assertEquals(WRITTEN, reader.numerics("it-a", FOUR, T, T.plusSeconds(60)));
            // from is inclusive, to exclusive
            Instant second = T.plus(Duration.ofNanos(1_000_001_000L));
            List<StoredValue> window = reader.numerics("it-a", EnumSet.of(Stream.HR), second, second.plus(Duration.ofNanos(1_000_001_000L)));
            assertEquals(List.of(new StoredValue(second, "monitor", Stream.HR, 60.25)), window);
            assertEquals(List.of(), reader.numerics("it-a", EnumSet.of(Stream.PUMP_RATE), T, T.plusSeconds(60)));
            assertEquals(List.of(new StoredValue(T, "monitor", Stream.ECG_II, 0.5), new StoredValue(T.plusMillis(2), "monitor", Stream.ECG_II, -1.25),
                    new StoredValue(T.plusMillis(4), "monitor", Stream.ECG_II, 2.0), new StoredValue(T.plusMillis(6), "monitor", Stream.ECG_II, 0.0)),
                    reader.waveform("it-a", Stream.ECG_II, T, T.plusSeconds(1)));
        }
    }

    @Test
    void aWindowLargerThanOneQueryIsReadInPiecesWithTheSameResult() {
        try (InfluxTimeSeriesReader small = new InfluxTimeSeriesReader(config(), 3)) {
            assertEquals(WRITTEN, small.numerics("it-a", FOUR, T, T.plusSeconds(60)), "pages of three rows, and offsets within one microsecond");
            assertEquals(4, small.waveform("it-a", Stream.ECG_II, T, T.plusSeconds(1)).size());
        }
    }

    @Test
    void theStoreAggregatesEachBucketsLowestAndHighestValueAndCountsAsFromEveryValue() {
        try (InfluxTimeSeriesReader reader = new InfluxTimeSeriesReader(config())) {
            // the port's default reduces every value in memory: InfluxDB's GROUP BY time must answer the same
            TimeSeriesReader everyValue = new TimeSeriesReader() {
                @Override
                public List<StoredValue> numerics(String bed, Set<Stream> streams, Instant from, Instant to) {
                    return reader.numerics(bed, streams, from, to);
                }

                @Override
                public List<StoredValue> waveform(String bed, Stream stream, Instant from, Instant to) {
                    return reader.waveform(bed, stream, from, to);
                }
            };
            for (Duration bucket : List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(12))) {
                List<TimeSeriesReader.BucketExtremes> aggregated = reader.numericExtremes("it-a", FOUR, T, T.plusSeconds(60), bucket);
                assertEquals(everyValue.numericExtremes("it-a", FOUR, T, T.plusSeconds(60), bucket), aggregated, "buckets of " + bucket);
                assertFalse(aggregated.isEmpty());
            }
            List<TimeSeriesReader.BucketExtremes> fives = reader.numericExtremes("it-a", EnumSet.of(Stream.HR), T, T.plusSeconds(20),
                    Duration.ofSeconds(5));
            // HR 60 + 0.25 i at T + 1.000001 s x i: the bucket from 10:00:05 holds i = 5..9 (its last one at 10:00:09.000010)
            assertEquals(new TimeSeriesReader.BucketExtremes(Instant.parse("2026-11-22T10:00:05Z"), "monitor", Stream.HR, 61.25, 62.25),
                    fives.get(1));
            assertEquals(Map.of(Stream.HR, 22L, Stream.SPO2, 22L, Stream.NIBP_SYS, 2L, Stream.NIBP_DIA, 2L),
                    reader.numericCounts("it-a", FOUR, T, T.plusSeconds(60)));
            assertEquals(everyValue.numericCounts("it-a", FOUR, T, T.plusSeconds(60)), reader.numericCounts("it-a", FOUR, T, T.plusSeconds(60)));
        }
    }

    @Test
    void tagValuesAreEscapedSoABedIdCannotWidenTheQuery() {
        try (InfluxTimeSeriesReader reader = new InfluxTimeSeriesReader(config())) {
            assertEquals(List.of(new StoredValue(T, "m", Stream.HR, 61)), reader.numerics("it'q\\b", EnumSet.of(Stream.HR), T, T.plusSeconds(1)));
            assertEquals(List.of(), reader.numerics("it-b' OR bed = 'it-a", EnumSet.of(Stream.HR), T, T.plusSeconds(60)));
            assertEquals(List.of(), reader.numerics("it-a\\' OR bed =~ /.*/ OR bed = \\'", EnumSet.of(Stream.HR), T, T.plusSeconds(60)));
            assertThrows(IllegalArgumentException.class, () -> reader.numerics("it-a\n", EnumSet.of(Stream.HR), T, T.plusSeconds(1)));
            assertThrows(IllegalArgumentException.class, () -> reader.waveform("it-a", Stream.HR, T, T.plusSeconds(1)));
        }
    }

    @Test
    void theExportCommandWritesFromInfluxDbWhatTheStoreHolds() throws IOException {
        TrailBuilder.Recorded trail = TrailBuilder.shared();
        Path dir = SERVERS.newFolder("exports");
        Clock evening = Clock.fixed(Instant.parse("2026-11-22T20:00:00Z"), ZoneOffset.UTC);
        for (ExportFormat format : List.of(ExportFormat.VITALS_CSV, ExportFormat.SDTM_VS)) {
            Path out = dir.resolve(format.fileSuffix());
            assertEquals(0, ExportMain.run(new String[] {"--audit", trail.file().toString(), "--format", format.key(), "--session",
                    trail.first(), "--influx-url", SERVERS.influxd().url(), "--database", DATABASE, "--config", readerProperties(), "--out", out.toString()}));
            byte[] expected = Exports.write(format, new ExportRequest(trail.entries(), Optional.of(trail.first()), TrailBuilder.vitals(),
                    InstrumentCatalog.builtIn(), ProtocolCatalog.builtIn()), evening).content();
            assertArrayEquals(expected, Files.readAllBytes(out), format.key() + " from InfluxDB equals the one from the same values in memory");
            assertTrue(Files.readAllLines(out).size() > 80, format.key());
        }
        // the XPORT package: each file past its seven header records (which carry when it was written) is the same, but
        // TS, whose data cutoff is when the export was written
        Path zip = dir.resolve(ExportFormat.SDTM_XPT.fileSuffix());
        assertEquals(0, ExportMain.run(new String[] {"--audit", trail.file().toString(), "--format", ExportFormat.SDTM_XPT.key(),
                "--session", trail.first(), "--influx-url", SERVERS.influxd().url(), "--database", DATABASE, "--config", readerProperties(), "--out", zip.toString()}));
        Map<String, byte[]> fromStore = unzip(Files.readAllBytes(zip));
        Map<String, byte[]> inMemory = unzip(Exports.write(ExportFormat.SDTM_XPT, new ExportRequest(trail.entries(),
                Optional.of(trail.first()), TrailBuilder.vitals(), InstrumentCatalog.builtIn(), ProtocolCatalog.builtIn()), evening).content());
        assertEquals(inMemory.keySet(), fromStore.keySet());
        assertTrue(fromStore.get("vs.xpt").length > 80 * 100, "vs.xpt holds the stored readings");
        for (String name : inMemory.keySet()) {
            if (name.endsWith(".xpt") && !name.equals("ts.xpt")) {
                byte[] a = inMemory.get(name);
                byte[] b = fromStore.get(name);
                assertArrayEquals(Arrays.copyOfRange(a, 7 * 80, a.length), Arrays.copyOfRange(b, 7 * 80, b.length), name);
            }
        }
    }

    @Test
    void theExportCommandWritesTheFhirBundleFromInfluxDbAsFromTheSameValuesInMemory() throws IOException {
        TrailBuilder.Recorded trail = TrailBuilder.shared();
        Path out = SERVERS.newFolder("fhir").resolve("fhir.json");
        assertEquals(0, ExportMain.run(new String[] {"--audit", trail.file().toString(), "--format", "fhir-json", "--session",
                trail.first(), "--influx-url", SERVERS.influxd().url(), "--database", DATABASE, "--config", readerProperties(), "--out", out.toString()}));
        String inMemory = new String(Exports.write(ExportFormat.FHIR_JSON, new ExportRequest(trail.entries(), Optional.of(trail.first()),
                TrailBuilder.vitals(), InstrumentCatalog.builtIn(), ProtocolCatalog.builtIn()),
                Clock.fixed(Instant.parse("2026-11-22T20:00:00Z"), ZoneOffset.UTC)).content(), StandardCharsets.UTF_8);
        // the same bundle but its timestamp (when the export was written)
        UnaryOperator<String> undated = j -> j.replaceFirst("\"timestamp\": \"[^\"]+\"", "\"timestamp\": \"\"");
        String fromStore = Files.readString(out);
        assertEquals(undated.apply(inMemory), undated.apply(fromStore));
        assertTrue(fromStore.split("\"resourceType\": \"Observation\"").length > 80, "the stored vitals as Observations");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void aStoreThatDoesNotAnswerFailsPromptlyWithAClearMessage() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertPromptFailure(config("http://127.0.0.1:" + closed, Duration.ofSeconds(1)), "http://127.0.0.1:" + closed);
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread accepter = Thread.ofVirtual().start(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    held.forEach(ExportsIT::closeQuietly);
                }
            });
            assertPromptFailure(config("http://127.0.0.1:" + silent.getLocalPort(), Duration.ofSeconds(1)), "no answer within 1000 ms (timeout");
            silent.close();
            accepter.join(2_000);
        }
        InfluxConfig missing = StationConfig.from(Settings.defaultsWith(Map.of("influx.url", SERVERS.influxd().url(),
                "influx.database", "no_such_db", "influx.username", SERVERS.influxd().admin().username(),
                "influx.password", SERVERS.influxd().admin().password()))).influx();
        assertPromptFailure(missing, "database not found");
        SERVERS.influxd().stop();
        try {
            assertPromptFailure(config(SERVERS.influxd().url(), Duration.ofSeconds(1)), SERVERS.influxd().url());
        } finally {
            SERVERS.influxd().start();
        }
    }

    private static void assertPromptFailure(InfluxConfig config, String mentioned) {
        long start = System.nanoTime();
        try (InfluxTimeSeriesReader reader = new InfluxTimeSeriesReader(config)) {
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                    () -> reader.numerics("it-a", FOUR, T, T.plusSeconds(60)));
            assertTrue(e.getMessage().contains("InfluxDB at " + config.url()) && e.getMessage().contains(mentioned), e.getMessage());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "failed within 3 s, took " + took);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // the test is over with it
        }
    }
}
