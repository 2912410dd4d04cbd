package org.openinfusion.station.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openinfusion.station.domain.DeviceRef;

/**
 * A technical condition (not of the patient), raised or cleared: of the station itself when
 * {@code source} is empty (buffer filling, store unreachable), else of one device on one bed.
 */
public record TechnicalAlarm(String code, boolean active, String message, Instant time,
                             Optional<DeviceRef> source) {
    public static final String BUFFER_FILLING = "BUFFER_FILLING";
    public static final String STORE_UNREACHABLE = "STORE_UNREACHABLE";
    public static final String BROKER_DISCONNECTED = "BROKER_DISCONNECTED";

    public TechnicalAlarm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
    }

    /** A station-wide condition. */
    public TechnicalAlarm(String code, boolean active, String message, Instant time) {
        this(code, active, message, time, Optional.empty());
    }
}
