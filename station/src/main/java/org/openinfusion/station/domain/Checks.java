package org.openinfusion.station.domain;

import java.util.Objects;

/** Constructor checks shared by the observation records. */
final class Checks {
    private Checks() {
    }

    static void requireCommon(DeviceRef source, Stream stream, StreamKind kind, Object deviceTime,
                              Object receiveTime, long seq) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(deviceTime, "deviceTime");
        Objects.requireNonNull(receiveTime, "receiveTime");
        if (stream.kind() != kind) {
            throw new IllegalArgumentException(stream.key() + " is a " + stream.kind() + " stream, not " + kind);
        }
        if (seq < 0) {
            throw new IllegalArgumentException("sequence number must not be negative: " + seq);
        }
    }
}
