package org.openinfusion.station.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One serial device as the engineer sees it: link state, line settings ({@code link}, e.g. "19200 8E1
 * RTS/CTS" or "serial over TCP"), traffic, last data, problems by kind.
 */
public record DeviceStatusSnapshot(String name, String endpoint, String protocol, String link, boolean connected, boolean silent,
                                   long bytesReceived, long valuesDecoded, Optional<Instant> lastData,
                                   Map<String, Long> problems) {
    public DeviceStatusSnapshot {
        problems = Map.copyOf(problems);
    }
}
