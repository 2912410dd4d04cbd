package org.openinfusion.station.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    /** Free space where the station writes is below health.diskLowBytes. */
    public static final String DISK_LOW = "DISK_LOW";
    /** The audit trail cannot be written, so every audited action is refused. */
    public static final String AUDIT_UNAVAILABLE = "AUDIT_UNAVAILABLE";
    private static final Set<String> HIGH_PRIORITY_STATION_CODES = Set.of(DISK_LOW, AUDIT_UNAVAILABLE);
    /** A device's samples keep colliding in time with earlier ones of their stream (all are stored; see docs/storage.md). */
    public static final String TIME_COLLISIONS = "TIME_COLLISIONS";

    public TechnicalAlarm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
    }

    /** A device's alarm, and a station-wide one that stops clinical work (disk low, audit trail unavailable), are high priority. */
    public boolean highPriority() {
        return source.isPresent() || HIGH_PRIORITY_STATION_CODES.contains(code);
    }

    /** A station-wide condition. */
    public TechnicalAlarm(String code, boolean active, String message, Instant time) {
        this(code, active, message, time, Optional.empty());
    }
}
