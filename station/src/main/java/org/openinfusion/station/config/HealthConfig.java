package org.openinfusion.station.config;

import java.time.Duration;

/** How often health is published on the bus and logged, and how often one reject reason may be logged. */
public record HealthConfig(Duration publishInterval, Duration logInterval, Duration rejectLogInterval) {
    static HealthConfig from(Settings s) {
        return new HealthConfig(s.duration("health.publishInterval"), s.duration("health.logInterval"),
                s.duration("health.rejectLogInterval"));
    }
}
