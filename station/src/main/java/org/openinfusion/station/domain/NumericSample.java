package org.openinfusion.station.domain;

import java.time.Instant;

/** One numeric value, e.g. a heart rate of 72 /min measured at a device time. */
public record NumericSample(DeviceRef source, Stream stream, double value, Instant deviceTime,
                            Instant receiveTime, long seq) implements Observation {
    public NumericSample {
        Checks.requireCommon(source, stream, StreamKind.NUMERIC, deviceTime, receiveTime, seq);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(stream.key() + " value is not a finite number: " + value);
        }
        if (!stream.accepts(value)) {
            throw new IllegalArgumentException(stream.key() + " value " + value + " is outside "
                    + stream.min() + " - " + stream.max() + " " + stream.unit());
        }
    }

    @Override
    public int valueCount() {
        return 1;
    }
}
