package org.openinfusion.sim.mqtt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes the binary waveform chunk of docs/mqtt.md, big-endian: version 1, encoding 1 (float32),
 * sample count (u16), rate in millihertz (u32), first-sample time in microseconds (i64),
 * first sequence number (i64), then the float32 samples.
 */
public final class WaveformChunkEncoder {

    public static final int HEADER_BYTES = 24;
    static final byte FORMAT_VERSION = 1;
    static final byte FLOAT32 = 1;

    public byte[] encode(WaveformChunk chunk) {
        float[] samples = chunk.samples();
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + Float.BYTES * samples.length)
                .order(ByteOrder.BIG_ENDIAN);
        buffer.put(FORMAT_VERSION)
                .put(FLOAT32)
                .putShort((short) samples.length)
                .putInt(chunk.stream().rateMilliHertz())
                .putLong(chunk.firstSampleMicros())
                .putLong(chunk.firstSeq());
        for (float sample : samples) {
            buffer.putFloat(sample);
        }
        return buffer.array();
    }
}
