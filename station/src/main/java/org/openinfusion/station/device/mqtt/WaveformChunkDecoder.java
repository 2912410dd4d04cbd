package org.openinfusion.station.device.mqtt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.RejectReason;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;

/** Decodes the binary waveform chunk of docs/mqtt.md ("Waveforms: binary chunk"). */
final class WaveformChunkDecoder {
    static final int HEADER_BYTES = 24;
    private static final int VERSION = 1;
    private static final int FLOAT32 = 1;

    private final TimeWindow window;

    WaveformChunkDecoder(TimeWindow window) {
        this.window = window;
    }

    WaveformChunk decode(DeviceRef source, Stream stream, byte[] payload, Instant received) throws DecodeException {
        if (payload.length < HEADER_BYTES) {
            throw new DecodeException(RejectReason.MALFORMED_PAYLOAD, "chunk of " + payload.length + " bytes has no full header");
        }
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.BIG_ENDIAN);
        int version = b.get() & 0xFF;
        int encoding = b.get() & 0xFF;
        int count = b.getShort() & 0xFFFF;
        long rateMilliHz = b.getInt() & 0xFFFF_FFFFL;
        long firstMicros = b.getLong();
        long firstSeq = b.getLong();
        if (version != VERSION || encoding != FLOAT32) {
            throw new DecodeException(RejectReason.MALFORMED_PAYLOAD, "version " + version + " encoding " + encoding + " unsupported");
        }
        if (count < 1 || count > WaveformChunk.MAX_SAMPLES || payload.length != HEADER_BYTES + 4 * count) {
            throw new DecodeException(RejectReason.WRONG_SAMPLE_COUNT,
                    "header says " + count + " samples, payload holds " + (payload.length - HEADER_BYTES) + " bytes");
        }
        double rateHz = rateMilliHz / 1000.0;
        if (rateHz < WaveformChunk.MIN_RATE_HZ || rateHz > WaveformChunk.MAX_RATE_HZ) {
            throw new DecodeException(RejectReason.MALFORMED_PAYLOAD, "sample rate " + rateHz + " Hz outside 1 - 2000 Hz");
        }
        if (firstSeq < 0) {
            throw new DecodeException(RejectReason.OUT_OF_RANGE, "negative sequence number " + firstSeq);
        }
        Instant first = window.check(Instant.EPOCH.plusNanos(Math.multiplyExact(firstMicros, 1000L)), received);
        float[] samples = new float[count];
        for (int i = 0; i < count; i++) {
            float s = b.getFloat();
            if (!Float.isFinite(s)) {
                throw new DecodeException(RejectReason.NOT_A_NUMBER, "sample " + i + " is " + s);
            }
            if (!stream.accepts(s)) {
                throw new DecodeException(RejectReason.OUT_OF_RANGE, "sample " + i + " = " + s + " " + stream.unit());
            }
            samples[i] = s;
        }
        return new WaveformChunk(source, stream, rateHz, first, received, firstSeq, samples);
    }
}
