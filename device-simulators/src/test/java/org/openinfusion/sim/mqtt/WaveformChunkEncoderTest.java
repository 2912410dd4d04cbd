package org.openinfusion.sim.mqtt;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WaveformChunkEncoderTest {

    private final WaveformChunkEncoder encoder = new WaveformChunkEncoder();

    @Test
    void headerIsBigEndianVersionEncodingCountRateTimeAndSequence() {
        // given
        float[] samples = {0.5f, -1.25f, 40f};
        WaveformChunk chunk = new WaveformChunk(WaveformStream.CO2, 1_763_800_000_123_456L, 4_242L, samples);
        // when
        byte[] payload = encoder.encode(chunk);
        // then
        Wire.Header header = Wire.header(payload);
        assertAll(
                () -> assertEquals(24 + 4 * 3, payload.length),
                () -> assertEquals(1, header.version()),
                () -> assertEquals(1, header.encoding()),
                () -> assertEquals(3, header.count()),
                () -> assertEquals(62_500, header.rateMilliHertz()),
                () -> assertEquals(1_763_800_000_123_456L, header.firstMicros()),
                () -> assertEquals(4_242L, header.firstSeq()),
                () -> assertEquals(0.5f, Wire.sample(payload, 0)),
                () -> assertEquals(-1.25f, Wire.sample(payload, 1)),
                () -> assertEquals(40f, Wire.sample(payload, 2)));
    }

    @Test
    void countIsWrittenUnsignedUpToTheLimit() {
        // given
        WaveformChunk chunk = new WaveformChunk(WaveformStream.ECG_II, 0, 0, new float[WaveformChunk.MAX_SAMPLES]);
        // when
        byte[] payload = encoder.encode(chunk);
        // then
        assertEquals(4096, Wire.header(payload).count());
        assertEquals(500_000, Wire.header(payload).rateMilliHertz());
    }

    @Test
    void chunkRefusesNotANumberEmptyAndOversizedSamples() {
        assertThrows(IllegalArgumentException.class,
                () -> new WaveformChunk(WaveformStream.PLETH, 0, 0, new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new WaveformChunk(WaveformStream.PLETH, 0, 0, new float[0]));
        assertThrows(IllegalArgumentException.class,
                () -> new WaveformChunk(WaveformStream.PLETH, 0, 0, new float[4097]));
    }
}
