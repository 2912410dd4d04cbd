package org.openinfusion.station.domain;

import java.time.Instant;

/**
 * Something a device reported: a number, a state word or a chunk of waveform samples. Every
 * observation carries its source, stream, device time, receive time and a per-stream sequence
 * number, so that loss and duplication are detectable.
 */
public sealed interface Observation permits NumericSample, StateSample, WaveformChunk {
    DeviceRef source();

    Stream stream();

    /** Device time of the (first) value. */
    Instant deviceTime();

    /** When the station received it. */
    Instant receiveTime();

    /** Sequence number of the (first) value in its stream. */
    long seq();

    /** How many values this observation carries (1, or the chunk's sample count). */
    int valueCount();
}
