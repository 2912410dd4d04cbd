package org.openinfusion.station.storage.compact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;

class CompactCodecTest {
    private static final DeviceRef MONITOR = new DeviceRef("bed-01", "monitor");
    private static final List<String> STATES = List.of("infusing", "paused", "stopped", "none", "occlusion", "air_in_line");
    private static final Instant RX = Instant.parse("2026-12-04T10:00:00.123456Z");

    /** Random observations of every stream, device times before and after their receive time, micro precision. */
    static List<Observation> randomObservations(Random r, int count) {
        List<Observation> out = new ArrayList<>();
        Stream[] streams = Stream.values();
        for (int i = 0; i < count; i++) {
            Stream s = streams[r.nextInt(streams.length)];
            DeviceRef source = new DeviceRef("bed-" + r.nextInt(40), r.nextBoolean() ? "monitor" : "pump_" + r.nextInt(3));
            Instant rx = Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000), r.nextInt(1_000_000) * 1_000L);
            Instant device = rx.plusNanos((r.nextInt(20_000_001) - 10_000_000) * 1_000L);
            long seq = r.nextInt(4) == 0 ? r.nextLong(Long.MAX_VALUE) : r.nextInt(1_000_000);
            out.add(switch (s.kind()) {
                case NUMERIC -> new NumericSample(source, s, value(r, s), device, rx, seq);
                case STATE -> {
                    List<String> words = STATES.stream().filter(s::accepts).toList();
                    yield new StateSample(source, s, words.get(r.nextInt(words.size())), device, rx, seq);
                }
                case WAVEFORM -> {
                    float[] samples = new float[1 + r.nextInt(200)];
                    for (int k = 0; k < samples.length; k++) {
                        samples[k] = (float) (s.min() + r.nextDouble() * (s.max() - s.min()));
                    }
                    double[] rates = {500, 125, 62.5, 1000.0 / 3, 1 + r.nextDouble() * 1999};
                    yield new WaveformChunk(source, s, rates[r.nextInt(rates.length)], device, rx, seq, samples);
                }
            });
        }
        return out;
    }

    private static double value(Random r, Stream s) {
        double span = s.max() - s.min();
        return switch (r.nextInt(4)) {
            case 0 -> Math.rint(s.min() + r.nextDouble() * span);
            case 1 -> (float) (s.min() + r.nextDouble() * span);
            case 2 -> s.min() + r.nextDouble() * span;
            default -> Math.round((s.min() + r.nextDouble() * span) * 10) / 10.0;
        };
    }

    @Test
    void randomEntriesOfEveryStreamDecodeToEqualObservationsAndRevisions() {
        Random r = new Random(20261204);
        for (int round = 0; round < 500; round++) {
            List<Observation> observations = randomObservations(r, 1 + r.nextInt(30));
            List<Integer> revisions = new ArrayList<>();
            observations.forEach(o -> revisions.add(r.nextInt(5) == 0 ? 1 + r.nextInt(300) : 0));
            byte[] entry = CompactEncoder.observations(observations, revisions);
            CompactEntry.Observations decoded = assertInstanceOf(CompactEntry.Observations.class, CompactDecoder.decode(entry));
            assertEquals(observations, decoded.observations(), "round " + round);
            assertEquals(revisions, decoded.revisions(), "round " + round);
        }
    }

    @Test
    void withoutRevisionsEveryObservationDecodesWithRevisionZero() {
        List<Observation> observations = randomObservations(new Random(7), 12);
        var decoded = (CompactEntry.Observations) CompactDecoder.decode(CompactEncoder.observations(observations, List.of()));
        assertEquals(observations, decoded.observations());
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), decoded.revisions());
    }

    @Test
    void numbersComeBackBitForBitWhateverTheirWidth() {
        double[] values = {0.0, -0.0, 72, 0.1, 36.6, 98.25f, 1e-7, 3_599_999, Math.nextUp(120.0)};
        List<Observation> in = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            in.add(new NumericSample(MONITOR, Stream.PUMP_TIME_REMAINING, Math.abs(values[i]) == 0 ? values[i] : Math.abs(values[i]),
                    RX, RX, i));
        }
        var out = (CompactEntry.Observations) CompactDecoder.decode(CompactEncoder.observations(in, List.of()));
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(((NumericSample) in.get(i)).value()),
                    Double.doubleToRawLongBits(((NumericSample) out.observations().get(i)).value()), "value " + values[i]);
        }
    }

    @Test
    void aWaveformChunkStaysAChunkOfFourBytesPerSample() {
        float[] samples = new float[128];
        Arrays.fill(samples, 0.25f);
        WaveformChunk chunk = new WaveformChunk(MONITOR, Stream.ECG_II, 500, RX.minusMillis(300), RX, 1_234_567, samples);
        byte[] entry = CompactEncoder.observations(List.of(chunk), List.of());
        assertTrue(entry.length >= 128 * 4 && entry.length <= 128 * 4 + 48, "entry of " + entry.length + " bytes");
        var out = (CompactEntry.Observations) CompactDecoder.decode(entry);
        assertArrayEquals(samples, ((WaveformChunk) out.observations().getFirst()).samples());
    }

    @Test
    void readyMadeLinesAreKeptAsText() {
        String lines = "audit,session=s-1 seq=1i,actor=\"nurse\" 1764842400000000\n";
        assertEquals(new CompactEntry.Lines(lines), CompactDecoder.decode(CompactEncoder.lines(lines)));
    }

    @Test
    void everyCutOfAnEntryIsRefusedAsMalformedNotMisread() {
        List<Observation> observations = randomObservations(new Random(11), 5);
        byte[] entry = CompactEncoder.observations(observations, List.of());
        for (int cut = 0; cut < entry.length; cut++) {
            byte[] shorter = Arrays.copyOf(entry, cut);
            assertThrows(MalformedEntryException.class, () -> CompactDecoder.decode(shorter), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(entry, entry.length + 1);
        assertThrows(MalformedEntryException.class, () -> CompactDecoder.decode(longer));
    }

    @Test
    void anUnknownStreamOrKindIsAClearError() {
        byte[] entry = CompactEncoder.observations(List.of(new NumericSample(MONITOR, Stream.HR, 72, RX, RX, 1)), List.of());
        byte[] unknownKind = entry.clone();
        unknownKind[0] = 9;
        assertTrue(assertThrows(MalformedEntryException.class, () -> CompactDecoder.decode(unknownKind)).getMessage()
                .contains("unknown entry kind 9"));
        String asText = new String(entry, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\u0002hr", "\u0002zz");
        byte[] unknownStream = asText.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(assertThrows(MalformedEntryException.class, () -> CompactDecoder.decode(unknownStream)).getMessage()
                .contains("unknown stream 'zz'"));
    }
}
