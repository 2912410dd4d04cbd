package org.openinfusion.station.device.asena;

import java.time.Duration;
import org.openinfusion.station.device.DeviceOptions;

/** Asena settings ({@code device.NAME.*}): poll interval, response timeout, retries per request. */
public record AsenaOptions(Duration pollInterval, Duration timeout, int retries) {
    public static AsenaOptions defaults() {
        return new AsenaOptions(Duration.ofSeconds(2), Duration.ofMillis(500), 1);
    }

    static AsenaOptions read(DeviceOptions o) {
        AsenaOptions d = defaults();
        Duration poll = o.duration("pollInterval", d.pollInterval(), Duration.ofMillis(500));
        Duration timeout = o.duration("timeout", d.timeout(), Duration.ofMillis(50));
        o.requireAllRead();
        return new AsenaOptions(poll, timeout, d.retries());
    }
}
