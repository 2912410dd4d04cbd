package org.openinfusion.station.domain;

import java.time.Instant;

/** One enumerated state, e.g. the pump is {@code infusing}. */
public record StateSample(DeviceRef source, Stream stream, String value, Instant deviceTime,
                          Instant receiveTime, long seq) implements Observation {
    public StateSample {
        Checks.requireCommon(source, stream, StreamKind.STATE, deviceTime, receiveTime, seq);
        if (!stream.accepts(value)) {
            throw new IllegalArgumentException(stream.key() + " has no state '" + value + "'");
        }
    }

    @Override
    public int valueCount() {
        return 1;
    }
}
