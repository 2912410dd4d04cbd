package org.openinfusion.station.domain;

import java.time.Instant;
import java.util.Objects;

/** A device said it is online, or its Last Will said it went offline. */
public record DeviceStatus(DeviceRef source, boolean online, Instant receiveTime) {
    public DeviceStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receiveTime, "receiveTime");
    }
}
