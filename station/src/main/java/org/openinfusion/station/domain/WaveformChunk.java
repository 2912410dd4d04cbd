package org.openinfusion.station.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Regularly spaced samples of one waveform. Sample i was taken at
 * {@code deviceTime + i / sampleRateHz} and has sequence number {@code seq + i}.
 * The samples are copied in and never exposed mutably, so a chunk can be shared between threads.
 */
public record WaveformChunk(DeviceRef source, Stream stream, double sampleRateHz, Instant deviceTime,
                            Instant receiveTime, long seq, float[] samples) implements Observation {
    public static final double MIN_RATE_HZ = 1;
    public static final double MAX_RATE_HZ = 2000;
    public static final int MAX_SAMPLES = 4096;

    public WaveformChunk {
        Checks.requireCommon(source, stream, StreamKind.WAVEFORM, deviceTime, receiveTime, seq);
        if (!(sampleRateHz >= MIN_RATE_HZ && sampleRateHz <= MAX_RATE_HZ)) {
            throw new IllegalArgumentException("sample rate " + sampleRateHz + " Hz is outside 1 - 2000 Hz");
        }
        if (samples == null || samples.length == 0 || samples.length > MAX_SAMPLES) {
            throw new IllegalArgumentException("a chunk holds 1 - " + MAX_SAMPLES + " samples");
        }
        samples = samples.clone();
        for (int i = 0; i < samples.length; i++) {
            float s = samples[i];
            if (!Float.isFinite(s) || !stream.accepts(s)) {
                throw new IllegalArgumentException(stream.key() + " sample " + i + " = " + s + " is not acceptable");
            }
        }
    }

    /** A copy of the samples. */
    @Override
    public float[] samples() {
        return samples.clone();
    }

    public float sample(int i) {
        return samples[i];
    }

    @Override
    public int valueCount() {
        return samples.length;
    }

    /** Device time of sample i, in microseconds since the epoch (rounded to the nearest microsecond). */
    public long sampleTimeMicros(int i) {
        long first = deviceTime.getEpochSecond() * 1_000_000L + deviceTime.getNano() / 1_000;
        return first + Math.round(i * 1_000_000.0 / sampleRateHz);
    }

    public Duration duration() {
        return Duration.ofNanos(Math.round(samples.length * 1e9 / sampleRateHz));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaveformChunk c && source.equals(c.source) && stream == c.stream
                && Double.compare(sampleRateHz, c.sampleRateHz) == 0 && deviceTime.equals(c.deviceTime)
                && receiveTime.equals(c.receiveTime) && seq == c.seq && Arrays.equals(samples, c.samples);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * source.hashCode() + stream.hashCode()) + Long.hashCode(seq);
    }

    @Override
    public String toString() {
        return "WaveformChunk[" + source + " " + stream.key() + " seq=" + seq + " n=" + samples.length
                + " @" + sampleRateHz + "Hz " + deviceTime + "]";
    }
}
