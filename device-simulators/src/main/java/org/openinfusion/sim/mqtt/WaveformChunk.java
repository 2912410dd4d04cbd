package org.openinfusion.sim.mqtt;

import java.util.Objects;

/**
 * Consecutive samples of one waveform stream.
 *
 * @param stream which stream (gives the rate)
 * @param firstSampleMicros device time of the first sample, microseconds since the Unix epoch
 * @param firstSeq sequence number of the first sample
 * @param samples values in the stream's unit
 */
public record WaveformChunk(WaveformStream stream, long firstSampleMicros, long firstSeq, float[] samples) {

    public static final int MAX_SAMPLES = 4096;

    public WaveformChunk {
        Objects.requireNonNull(stream, "stream");
        if (samples.length < 1 || samples.length > MAX_SAMPLES) {
            throw new IllegalArgumentException("a chunk holds 1 to 4096 samples, not " + samples.length);
        }
        if (firstSeq < 0) {
            throw new IllegalArgumentException("negative sequence number " + firstSeq);
        }
        for (float sample : samples) {
            if (!Float.isFinite(sample)) {
                throw new IllegalArgumentException(stream.wireName() + " sample is not finite: " + sample);
            }
        }
    }
}
