package org.openinfusion.station.health;

import java.time.Instant;
import java.util.Objects;

/** A technical condition of the station itself (not of the patient), raised or cleared. */
public record TechnicalAlarm(String code, boolean active, String message, Instant time) {
    public static final String BUFFER_FILLING = "BUFFER_FILLING";
    public static final String STORE_UNREACHABLE = "STORE_UNREACHABLE";
    public static final String BROKER_DISCONNECTED = "BROKER_DISCONNECTED";

    public TechnicalAlarm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
    }
}
