package org.openinfusion.station.clinical.review;

import org.openinfusion.station.domain.Stream;

/**
 * Stored samples of one waveform around a moment: {@code times[i]} in epoch microseconds (device time),
 * {@code values[i]} in the stream's unit. Empty arrays with {@code problem} set when the store could not answer.
 */
public record WaveformWindow(Stream stream, long[] times, float[] values, String problem) {
}
