package org.openinfusion.station.device.serial;

import java.time.Duration;

/** Reconnection delays: doubling from {@code first} up to {@code max}; reset after a success. */
public record Backoff(Duration first, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));

    Duration next(Duration previous) {
        if (previous == null) {
            return first;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
