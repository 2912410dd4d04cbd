package org.openinfusion.station.device;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One serial device as the engineer sees it: link state, traffic, last data, problems by kind. */
public record DeviceStatusSnapshot(String name, String endpoint, String protocol, boolean connected, boolean silent,
                                   long bytesReceived, long valuesDecoded, Optional<Instant> lastData,
                                   Map<String, Long> problems) {
    public DeviceStatusSnapshot {
        problems = Map.copyOf(problems);
    }
}
