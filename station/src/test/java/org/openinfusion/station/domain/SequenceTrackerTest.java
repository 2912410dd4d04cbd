package org.openinfusion.station.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {
    private static final DeviceRef SRC = new DeviceRef("bed-01", "monitor");
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    private static WaveformChunk chunk(long seq, int n) {
        return new WaveformChunk(SRC, Stream.PLETH, 125, T, T, seq, new float[n]);
    }

    @Test
    void contiguousChunksShowNoGapsOrRepeats() {
        SequenceTracker t = new SequenceTracker();
        t.observe(chunk(0, 32));
        t.observe(chunk(32, 32));
        assertEquals(0, t.missing());
        assertEquals(0, t.repeated());
    }

    @Test
    void aMissingChunkCountsItsSamples() {
        SequenceTracker t = new SequenceTracker();
        t.observe(chunk(0, 32));
        assertEquals(32, t.observe(chunk(64, 32)));
        assertEquals(32, t.missing());
    }

    @Test
    void aRedeliveredChunkCountsAsRepeated() {
        SequenceTracker t = new SequenceTracker();
        t.observe(chunk(0, 32));
        t.observe(chunk(32, 32));
        t.observe(chunk(0, 32));
        assertEquals(32, t.repeated());
        assertEquals(0, t.missing());
    }

    @Test
    void streamsAreTrackedSeparately() {
        SequenceTracker t = new SequenceTracker();
        t.observe(new NumericSample(SRC, Stream.HR, 70, T, T, 5));
        t.observe(new NumericSample(SRC, Stream.SPO2, 98, T, T, 9));
        t.observe(new NumericSample(SRC, Stream.HR, 71, T, T, 6));
        assertEquals(0, t.missing());
    }

    @Test
    void recordsRefuseValuesOutsideTheirStream() {
        assertThrows(IllegalArgumentException.class, () -> new NumericSample(SRC, Stream.SPO2, 120, T, T, 0));
        assertThrows(IllegalArgumentException.class, () -> new NumericSample(SRC, Stream.ECG_I, 1, T, T, 0));
        assertThrows(IllegalArgumentException.class, () -> new StateSample(SRC, Stream.PUMP_STATE, "flying", T, T, 0));
        assertThrows(IllegalArgumentException.class, () -> new WaveformChunk(SRC, Stream.ECG_I, 500, T, T, 0, new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new DeviceRef("bed 1", "monitor"));
    }

    @Test
    void chunkSamplesCannotBeChangedFromOutside() {
        float[] samples = {1f, 2f};
        WaveformChunk c = new WaveformChunk(SRC, Stream.PLETH, 125, T, T, 0, samples);
        samples[0] = 9f;
        c.samples()[1] = 9f;
        assertEquals(1f, c.sample(0));
        assertEquals(2f, c.sample(1));
    }
}
