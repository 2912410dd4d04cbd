package org.openinfusion.sim.mqtt;

import java.util.Objects;

/**
 * One value of a numeric or state stream, ready to encode.
 *
 * @param stream which stream
 * @param value the number (ignored for state streams)
 * @param state the state word (null for numeric streams)
 * @param timeMicros device time, microseconds since the Unix epoch
 * @param seq the stream's sequence number
 */
public record SenmlRecord(NumericStream stream, double value, String state, long timeMicros, long seq) {

    public SenmlRecord {
        Objects.requireNonNull(stream, "stream");
        if (stream.isState() != (state != null)) {
            throw new IllegalArgumentException(stream.wireName() + (stream.isState() ? " needs" : " takes no") + " state");
        }
        if (!stream.isState() && !Double.isFinite(value)) {
            throw new IllegalArgumentException(stream.wireName() + " value is not finite: " + value);
        }
        if (seq < 0) {
            throw new IllegalArgumentException("negative sequence number " + seq);
        }
    }

    public static SenmlRecord numeric(NumericStream stream, double value, long timeMicros, long seq) {
        return new SenmlRecord(stream, value, null, timeMicros, seq);
    }

    public static SenmlRecord state(NumericStream stream, String state, long timeMicros, long seq) {
        return new SenmlRecord(stream, Double.NaN, state, timeMicros, seq);
    }
}
