package org.openinfusion.station.storage.compact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;

class CompactCodecTest {
    private static final DeviceRef MONITOR = new DeviceRef("bed-01", "monitor");
    private static final Instant RX = Instant.parse("2026-12-04T10:00:00.123456Z");

    @Test
    void randomEntriesOfEveryStreamDecodeToEqualObservationsAndRevisions() {
        Random r = new Random(20261204);
        for (int round = 0; round < 500; round++) {
            List<Observation> observations = RandomObservations.of(r, 1 + r.nextInt(30));
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
        List<Observation> observations = RandomObservations.of(new Random(7), 12);
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
        List<Observation> observations = RandomObservations.of(new Random(11), 5);
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
        String asText = new String(entry, StandardCharsets.ISO_8859_1).replace("\u0002hr", "\u0002zz");
        byte[] unknownStream = asText.getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(assertThrows(MalformedEntryException.class, () -> CompactDecoder.decode(unknownStream)).getMessage()
                .contains("unknown stream 'zz'"));
    }
}
