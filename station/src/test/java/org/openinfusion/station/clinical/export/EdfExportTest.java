package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.testing.FakeSeries;

/**
 * The EDF+ export of the recorded session's waveforms, read back by an independent reader (MNE-Python, Debian's
 * python3-mne, installed by bin/run-tests) and by a strict check of the EDF+ layout written here from the specification
 * (edfplus.info: header fields, record sizes, time-keeping TALs).
 */
class EdfExportTest {
    private static final TrailBuilder.Recorded TRAIL = ExportFixtures.trail();
    /** The stored waveforms: 20 s around the emergence reaction marked at 09:20. */
    private static final Instant WAVE_FROM = Instant.parse("2026-11-22T09:19:50Z");
    private static final Map<Stream, Double> RATES = Map.of(Stream.ECG_I, 500.0, Stream.ECG_II, 500.0, Stream.PLETH, 125.0,
            Stream.CO2, 62.5);

    @TempDir
    Path dir;

    /** The bed's numerics and 20 s of ECG I and II (500 Hz), pleth (125 Hz) and capnogram (62.5 Hz), times as the station stores them. */
    static FakeSeries series() {
        FakeSeries s = TrailBuilder.vitals();
        for (Map.Entry<Stream, Double> e : RATES.entrySet()) {
            int n = (int) (20 * e.getValue());
            for (int i = 0; i < n; i++) {
                // device time in microseconds, the sequence number mod 1000 in the nanosecond digits (docs/storage.md)
                Instant t = WAVE_FROM.plusNanos(Math.round(i * 1e6 / e.getValue()) * 1000 + i % 1000);
                s.add(TrailBuilder.BED, "monitor", e.getKey(), t, value(e.getKey(), i / e.getValue()));
            }
        }
        return s;
    }

    static double value(Stream stream, double seconds) {
        return switch (stream) {
            case ECG_I -> 0.8 * Math.sin(2 * Math.PI * 1.1 * seconds);
            case ECG_II -> 1.5 * Math.sin(2 * Math.PI * 1.1 * seconds + 0.3) - 0.2;
            case PLETH -> 600 * Math.sin(2 * Math.PI * 1.1 * seconds);
            case CO2 -> 38 * Math.max(0, Math.sin(2 * Math.PI * 0.25 * seconds));
            default -> throw new IllegalArgumentException(stream.key());
        };
    }

    private static SessionTrail session() {
        return new Trail(HistoryReader.history(TRAIL.entries())).select(Optional.of(TRAIL.first()), Set.of()).getFirst();
    }

    private byte[] window(TimeSeriesReader series, Instant from, Instant to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdfPlus.write(out, session(), series, from, to);
        return out.toByteArray();
    }

    @Test
    void mneReadsEverySampleAndTheEventsOfAWindowAsTheStoreHeldThem() throws Exception {
        // given ten seconds around the marker at 09:20:00 (six two-second records: the file covers its end)
        Instant from = Instant.parse("2026-11-22T09:19:54Z");
        FakeSeries store = series();
        JsonNode read = mne(window(store, from, from.plusSeconds(10)));
        Instant end = from.plusSeconds(12);
        // then the channels the store had (no ECG III), at their own rates and units
        assertEquals("2026-11-22T09:19:54+00:00", read.get("meas_date").asText());
        List<String> names = new ArrayList<>();
        read.get("channels").forEach(c -> names.add(c.get("name").asText()));
        assertEquals(List.of("ECG I", "ECG II", "Pleth", "CO2"), names);
        for (JsonNode c : read.get("channels")) {
            Stream stream = Map.of("ECG I", Stream.ECG_I, "ECG II", Stream.ECG_II, "Pleth", Stream.PLETH, "CO2", Stream.CO2)
                    .get(c.get("name").asText());
            double rate = RATES.get(stream);
            assertEquals(rate, c.get("sfreq").asDouble(), c.toString().substring(0, 60));
            assertEquals((int) (12 * rate), c.get("n").asInt());
            // every sample equal to the stored one within half a digital step of the stream's range
            double step = (stream.max() - stream.min()) / 65535;
            List<TimeSeriesReader.StoredValue> stored = store.waveform(TrailBuilder.BED, stream, from, end);
            assertEquals(c.get("n").asInt(), stored.size());
            for (int i = 0; i < stored.size(); i++) {
                assertEquals(stored.get(i).value(), c.get("samples").get(i).asDouble(), step / 2 + 1e-9, stream + " sample " + i);
            }
        }
        assertEquals("mV", read.get("channels").get(0).get("unit").asText());
        // (MNE names a unit it does not know, such as mmHg, "n/a": the layout test reads the header's units)
        // and the session's events of the window at their times from the file's start
        Map<String, Double> events = annotations(read);
        assertEquals(6.0, events.get("marker: emergence reaction (agitated, reassured; lights dimmed)"));
        assertEquals(6.0, events.get("rating r5: cadss6 at t20, total 9"));
        assertTrue(events.keySet().stream().noneMatch(t -> t.contains("nausea")), "09:25 is outside the window: " + events);
    }

    @Test
    void theWholeSessionHasTheInfusionStartAndEndAlarmsMarkersAndRatingsAtTheirTimes() throws Exception {
        ExportFile f = ExportFixtures.export(ExportFormat.EDF_PLUS, TRAIL.entries(), Optional.of(TRAIL.first()), series(),
                InstrumentCatalog.builtIn(), ExportFixtures.EVENING);
        assertEquals("KET-401-2026-11-22-infusion-waveforms.edf", f.fileName());
        int waveAt = (int) Duration.between(TrailBuilder.CREATED, WAVE_FROM).toSeconds();
        JsonNode read = mne(f.content(), (waveAt - 1) + ":" + (waveAt + 1));
        Map<String, Double> events = annotations(read);
        double start = Duration.between(TrailBuilder.CREATED, TrailBuilder.INFUSION_START).toSeconds();
        assertEquals(start, events.get("session: infusion started"));
        assertEquals(start + 40 * 60, events.get("infusion: completed"));
        assertEquals(start + 35 * 60, events.keySet().stream().filter(t -> t.startsWith("alarm raised: ") && t.contains(" > ")).findFirst().map(events::get)
                .orElseThrow(), "the hypertension alarm: " + events.keySet());
        assertEquals(start + 25 * 60, events.get("marker: nausea"));
        assertEquals(6 * 60.0, events.get("rating r2: cadss at baseline, total 23"));
        assertEquals(4 * 3600.0, events.get("session: closed"), "the close is in the last record");
        // the four hours, and the slots the store had no sample for at the physical minimum
        JsonNode ecg = read.get("channels").get(0);
        assertTrue(ecg.get("n").asInt() >= 4 * 3600 * 500, ecg.get("n").asText());
        assertEquals((waveAt - 1) * 500, ecg.get("first").asInt());
        assertEquals(Stream.ECG_I.min(), ecg.get("samples").get(0).asDouble(), 1e-9, "a second before the stored wave");
        assertEquals(Stream.ECG_I.min(), ecg.get("samples").get(499).asDouble(), 1e-9);
        for (int i = 0; i < 500; i++) {
            assertEquals(value(Stream.ECG_I, i / 500.0), ecg.get("samples").get(500 + i).asDouble(), 40.0 / 65535, "sample " + i);
        }
    }

    @Test
    void theFileFollowsTheEdfPlusLayoutByteForByte() {
        Instant from = Instant.parse("2026-11-22T09:19:55.250Z");
        byte[] edf = window(series(), from, from.plusSeconds(9));
        String h = new String(edf, 0, 256, StandardCharsets.US_ASCII);
        assertEquals("0       ", h.substring(0, 8));
        assertEquals("KET-401 X X X", h.substring(8, 88).strip(), "EDF+ patient: code, sex, birth date, name");
        assertTrue(h.substring(88, 168).strip().equals("Startdate 22-NOV-2026 " + TRAIL.first() + " X bed-01"),
                h.substring(88, 168));
        assertEquals("22.11.26", h.substring(168, 176));
        assertEquals("09.19.55", h.substring(176, 184), "the start rounded down to the second");
        int ns = Integer.parseInt(h.substring(252, 256).strip());
        assertEquals(5, ns, "four waveforms and the annotations");
        assertEquals(256 * (ns + 1), Integer.parseInt(h.substring(184, 192).strip()));
        assertEquals("EDF+C", h.substring(192, 236).strip());
        long records = Long.parseLong(h.substring(236, 244).strip());
        int seconds = Integer.parseInt(h.substring(244, 252).strip());
        assertEquals(2, seconds, "62.5 Hz needs two-second records");
        assertEquals(5, records, "9.25 s from 09:19:55 in whole records");
        String s = new String(edf, 256, 256 * ns, StandardCharsets.US_ASCII);
        List<String> labels = fields(s, 0, ns, 16);
        assertEquals(List.of("ECG I", "ECG II", "Pleth", "CO2", "EDF Annotations"), labels);
        int off = 16 * ns + 80 * ns;
        assertEquals(List.of("mV", "mV", "", "mmHg", ""), fields(s, off, ns, 8));
        off += 8 * ns;
        assertEquals(List.of("-20", "-20", "-1000", "-10", "-1"), fields(s, off, ns, 8), "physical minimum: the stream's range");
        off += 8 * ns;
        assertEquals(List.of("20", "20", "1000", "150", "1"), fields(s, off, ns, 8));
        off += 8 * ns;
        assertTrue(fields(s, off, ns, 8).stream().allMatch("-32768"::equals));
        off += 8 * ns;
        assertTrue(fields(s, off, ns, 8).stream().allMatch("32767"::equals));
        off += 8 * ns + 80 * ns;
        List<Integer> perRecord = fields(s, off, ns, 8).stream().map(Integer::parseInt).toList();
        assertEquals(List.of(1000, 1000, 250, 125), perRecord.subList(0, 4));
        int recordBytes = 2 * perRecord.stream().mapToInt(Integer::intValue).sum();
        assertEquals(256 * (ns + 1) + records * recordBytes, edf.length, "header + whole records, nothing more");
        // each record's annotation signal starts with its time-keeping TAL: "+<onset>" 0x14 0x14 0x00
        int annotationOffset = recordBytes - 2 * perRecord.get(4);
        for (int r = 0; r < records; r++) {
            int at = 256 * (ns + 1) + r * recordBytes + annotationOffset;
            String tal = "+" + (r * seconds) + "\u0014\u0014\u0000";
            assertEquals(tal, new String(edf, at, tal.length(), StandardCharsets.UTF_8), "record " + r);
        }
        // the first sample (ECG I at 09:19:55.000, 5 s into the stored wave) as the header's ranges map it:
        // digital = (physical - pmin) / (pmax - pmin) * 65535 - 32768, little-endian 16 bits
        short ecg = ByteBuffer.wrap(edf, 256 * (ns + 1), 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertEquals(value(Stream.ECG_I, 5.0), (ecg + 32768.0) / 65535 * 40 - 20, 40.0 / 65535);
    }

    @Test
    void theStoreIsReadAMinuteAtATimeWhateverTheWindow() {
        List<Duration> asked = new ArrayList<>();
        FakeSeries store = series();
        TimeSeriesReader counting = new TimeSeriesReader() {
            @Override
            public List<StoredValue> numerics(String bed, Set<Stream> streams, Instant from, Instant to) {
                return store.numerics(bed, streams, from, to);
            }

            @Override
            public List<StoredValue> waveform(String bed, Stream stream, Instant from, Instant to) {
                asked.add(Duration.between(from, to));
                return store.waveform(bed, stream, from, to);
            }
        };
        window(counting, TrailBuilder.CREATED, TrailBuilder.CLOSED);
        assertTrue(asked.size() > 4 * 60, "four hours in pieces: " + asked.size());
        assertTrue(asked.stream().allMatch(d -> d.compareTo(Duration.ofSeconds(60)) <= 0), "no read longer than a minute");
    }

    private static List<String> fields(String s, int offset, int ns, int width) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ns; i++) {
            out.add(s.substring(offset + i * width, offset + (i + 1) * width).strip());
        }
        return out;
    }

    private static Map<String, Double> annotations(JsonNode read) {
        Map<String, Double> m = new LinkedHashMap<>();
        read.get("annotations").forEach(a -> m.putIfAbsent(a.get("text").asText(), a.get("onset").asDouble()));
        return m;
    }

    /** The file read by MNE-Python (src/test/resources/edf/read_edf.py). */
    private JsonNode mne(byte[] edf) throws IOException, InterruptedException {
        return mne(edf, null);
    }

    /** As {@link #mne(byte[])}, the samples of {@code window} ("from:to" in seconds from the start) only. */
    private JsonNode mne(byte[] edf, String window) throws IOException, InterruptedException {
        Path file = dir.resolve("export.edf");
        Files.write(file, edf);
        Path script = Path.of("src/test/resources/edf/read_edf.py").toAbsolutePath();
        assertTrue(Files.exists(script), script.toString());
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), file.toString()));
        if (window != null) {
            command.add(window);
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("mne.err").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "mne finished");
        assertEquals(0, p.exitValue(), () -> "/usr/bin/python3 read_edf.py: " + read(dir.resolve("mne.err")));
        JsonNode json = new ObjectMapper().readTree(out);
        assertNotNull(json.get("channels"));
        return json;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
