package org.openinfusion.station.config;

import java.time.Duration;

/**
 * How often health is published on the bus and logged, how often one reject reason may be logged, and the free
 * space below which DISK_LOW is raised, checked every {@code diskCheckInterval}.
 */
public record HealthConfig(Duration publishInterval, Duration logInterval, Duration rejectLogInterval,
                           long diskLowBytes, Duration diskCheckInterval) {
    static HealthConfig from(Settings s) {
        Duration diskCheck = s.duration("health.diskCheckInterval");
        if (diskCheck.isZero()) {
            throw s.error("health.diskCheckInterval", "must be longer than 0");
        }
        return new HealthConfig(s.duration("health.publishInterval"), s.duration("health.logInterval"),
                s.duration("health.rejectLogInterval"), s.bytes("health.diskLowBytes"), diskCheck);
    }
}
