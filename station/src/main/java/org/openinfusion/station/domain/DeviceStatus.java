package org.openinfusion.station.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A device said it is online, or its Last Will said it went offline. {@code retained}: the broker handed
 * over a stored status on subscribing, a fact from some time before {@code receiveTime}, not news.
 */
public record DeviceStatus(DeviceRef source, boolean online, Instant receiveTime, boolean retained) {
    public DeviceStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receiveTime, "receiveTime");
    }

    /** A status that just happened (not a retained one). */
    public DeviceStatus(DeviceRef source, boolean online, Instant receiveTime) {
        this(source, online, receiveTime, false);
    }

    public DeviceStatus asRetained() {
        return new DeviceStatus(source, online, receiveTime, true);
    }
}
