package org.openinfusion.station.clinical.alarm;

import java.time.Duration;
import org.openinfusion.station.clinical.protocol.AlarmPriority;

/** Station-wide alarm behaviour: longest silence, and how long an alarm may stay unacknowledged before it escalates. */
public record AlarmSettings(Duration maxSilence, Duration escalateHigh, Duration escalateMedium, Duration escalateLow) {
    public static final AlarmSettings DEFAULTS = new AlarmSettings(Duration.ofMinutes(2), Duration.ofSeconds(60),
            Duration.ofMinutes(2), Duration.ofMinutes(5));

    Duration escalateAfter(AlarmPriority p) {
        return switch (p) {
            case HIGH -> escalateHigh;
            case MEDIUM -> escalateMedium;
            case LOW -> escalateLow;
        };
    }
}
